package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanDifferenceTestTest {

    /** n sends of which {@code buyers} spent {@code amount} each and the rest nothing. */
    private static MeanDifferenceTest.Sample sends(long n, long buyers, double amount) {
        return new MeanDifferenceTest.Sample(n, buyers * amount, buyers * amount * amount);
    }

    @Test
    void moreRevenuePerSendIsSignificantWithItsInterval() {
        TwoProportionTest.Result r = MeanDifferenceTest.test(sends(1000, 100, 50), sends(1000, 150, 50));
        assertThat(r.controlRate()).isEqualTo(5.0);
        assertThat(r.variantRate()).isEqualTo(7.5);
        assertThat(r.difference()).isEqualTo(2.5);
        assertThat(r.ciLow()).isCloseTo(1.054011, within(1e-6));
        assertThat(r.ciHigh()).isCloseTo(3.945989, within(1e-6));
        assertThat(r.z()).isCloseTo(3.388622, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.000702, within(2e-6));
        assertThat(TwoProportionTest.significant(r, 1000, 1000, 100)).isTrue();
    }

    @Test
    void aSmallDifferenceInANoisyArmIsNot() {
        TwoProportionTest.Result r = MeanDifferenceTest.test(sends(1000, 100, 50),
                new MeanDifferenceTest.Sample(1000, 5200, 260_000));
        assertThat(r.difference()).isCloseTo(0.2, within(1e-9));
        assertThat(r.pValue()).isCloseTo(0.767694, within(2e-6));
        assertThat(TwoProportionTest.significant(r, 1000, 1000, 100)).isFalse();
    }

    @Test
    void noSpreadOrTooFewSendsGiveNoTest() {
        TwoProportionTest.Result none = MeanDifferenceTest.test(sends(1000, 0, 0), sends(1000, 0, 0));
        assertThat(none.difference()).isZero();
        assertThat(none.z()).isNull();
        assertThat(none.pValue()).isEqualTo(1.0);
        TwoProportionTest.Result one = MeanDifferenceTest.test(sends(1, 1, 30), sends(0, 0, 0));
        assertThat(one.controlRate()).isEqualTo(30.0);
        assertThat(one.variantRate()).isNull();
        assertThat(one.pValue()).isNull();
    }
}
