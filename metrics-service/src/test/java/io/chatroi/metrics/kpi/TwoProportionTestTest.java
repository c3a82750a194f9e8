package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TwoProportionTestTest {

    @Test
    void textbookExample() {
        // control 200/1000, variant 250/1000: pooled z = 2.6774, p = 0.0074; 95% CI 0.0135..0.0865
        TwoProportionTest.Result r = TwoProportionTest.test(200, 1000, 250, 1000);
        assertThat(r.controlRate()).isEqualTo(0.2);
        assertThat(r.variantRate()).isEqualTo(0.25);
        assertThat(r.difference()).isCloseTo(0.05, within(1e-9));
        assertThat(r.z()).isCloseTo(2.6774, within(1e-3));
        assertThat(r.pValue()).isCloseTo(0.00742, within(1e-4));
        assertThat(r.ciLow()).isCloseTo(0.01346, within(1e-4));
        assertThat(r.ciHigh()).isCloseTo(0.08654, within(1e-4));
        assertThat(TwoProportionTest.significant(r, 1000, 1000, 100)).isTrue();
        assertThat(TwoProportionTest.significant(r, 1000, 1000, 2000)).as("minimum sample not met").isFalse();
    }

    @Test
    void noDifferenceIsNotSignificant() {
        TwoProportionTest.Result r = TwoProportionTest.test(30, 100, 31, 100);
        assertThat(r.pValue()).isGreaterThan(0.8);
        assertThat(TwoProportionTest.significant(r, 100, 100, 50)).isFalse();
    }

    @Test
    void emptyArmsGiveNulls() {
        TwoProportionTest.Result r = TwoProportionTest.test(0, 0, 5, 10);
        assertThat(r.controlRate()).isNull();
        assertThat(r.variantRate()).isEqualTo(0.5);
        assertThat(r.difference()).isNull();
        assertThat(r.pValue()).isNull();
        assertThat(TwoProportionTest.significant(r, 0, 10, 1)).isFalse();
        TwoProportionTest.Result none = TwoProportionTest.test(0, 50, 0, 50);
        assertThat(none.z()).isNull();
        assertThat(none.pValue()).isEqualTo(1.0);
    }

    @Test
    void normalCdf() {
        assertThat(TwoProportionTest.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(TwoProportionTest.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(TwoProportionTest.normalCdf(-1.959964)).isCloseTo(0.025, within(1e-6));
    }
}
