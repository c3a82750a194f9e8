package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KpiMathTest {

    @Test
    void ratiosAreFractionsAndNullWithoutDenominator() {
        assertThat(KpiMath.ratio(20, 5000)).isEqualTo(0.004);
        assertThat(KpiMath.ratio(300, 1000)).isEqualTo(0.3);
        assertThat(KpiMath.ratio(0, 1000)).isEqualTo(0.0);
        assertThat(KpiMath.ratio(5, 0)).isNull();
        assertThat(KpiMath.ratio(0, 0)).isNull();
        assertThat(KpiMath.ratio(new BigDecimal("8500"), 2)).isEqualTo(4250.0);
        assertThat(KpiMath.ratio(new BigDecimal("8500"), 0)).isNull();
        assertThat(KpiMath.ratio(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
        assertThat(KpiMath.ratio(null, BigDecimal.ONE)).isNull();
        assertThat(KpiMath.ratio(2, new BigDecimal("3"))).isEqualTo(0.666667);
    }

    @Test
    void everySectionOneFormulaOnPlainNumbers() {
        // 1,000 sent, 950 delivered, 880 read, 300 replied, 200 clicked, 3 opted out, 350 conversions,
        // revenue 12,000 on spend 1,500, 40 qualified leads, 990 unique recipients
        assertThat(KpiMath.ratio(950, 1000)).as("deliveryRate").isEqualTo(0.95);
        assertThat(KpiMath.ratio(880, 1000)).as("openRate").isEqualTo(0.88);
        assertThat(KpiMath.ratio(880, 950)).as("readRateOfDelivered").isEqualTo(0.926316);
        assertThat(KpiMath.ratio(300, 1000)).as("replyRate").isEqualTo(0.3);
        assertThat(KpiMath.ratio(200, 1000)).as("ctr").isEqualTo(0.2);
        assertThat(KpiMath.ratio(3, 1000)).as("optOutRate").isEqualTo(0.003);
        assertThat(KpiMath.ratio(350, 1000)).as("conversionRate").isEqualTo(0.35);
        BigDecimal revenue = new BigDecimal("12000");
        BigDecimal spend = new BigDecimal("1500");
        assertThat(KpiMath.ratio(revenue, 350)).as("revenuePerConversion").isEqualTo(34.285714);
        assertThat(KpiMath.ratio(revenue, spend)).as("roas").isEqualTo(8.0);
        assertThat(KpiMath.ratio(spend, 40)).as("costPerLead").isEqualTo(37.5);
        assertThat(KpiMath.ratio(revenue, 1000)).as("revenuePerMessage").isEqualTo(12.0);
        assertThat(KpiMath.ratio(spend, 990)).as("costPerRecipient").isEqualTo(1.515152);
        assertThat(KpiMath.spendReturn(revenue, spend, 990)).as("campaignSpendReturn").isCloseTo(8.0, within(1e-4));
        // and each with a zero denominator
        assertThat(KpiMath.ratio(revenue, 0)).isNull();
        assertThat(KpiMath.ratio(revenue, BigDecimal.ZERO)).isNull();
        assertThat(KpiMath.spendReturn(revenue, spend, 0)).isNull();
        assertThat(KpiMath.spendReturn(revenue, BigDecimal.ZERO, 10)).isNull();
    }

    @Test
    void roiOfSeed001BeforeAndAfter() {
        RoiMath.Result before = RoiMath.of(new RoiMath.Parts(new BigDecimal("500"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("1800")));
        assertThat(before.roi()).isCloseTo(-0.7222, within(0.0001));
        assertThat(before.roiExtended()).isCloseTo(-0.7222, within(0.0001));
        assertThat(before.valueToCost()).isCloseTo(0.2778, within(0.0001));
        RoiMath.Result after = RoiMath.of(new RoiMath.Parts(new BigDecimal("8000"), new BigDecimal("2000"),
                new BigDecimal("300"), new BigDecimal("200"), new BigDecimal("2200")));
        assertThat(after.roi()).isCloseTo(3.5455, within(0.0001));
        assertThat(after.roiExtended()).isCloseTo((10500.0 - 2200) / 2200, within(0.0001));
        assertThat(after.valueToCost()).isCloseTo(10500.0 / 2200, within(0.0001));
        RoiMath.Result free = RoiMath.of(new RoiMath.Parts(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(free.roi()).isNull();
        assertThat(free.roiExtended()).isNull();
        assertThat(free.valueToCost()).isNull();
    }

    @Test
    void meansOfNothingAreNull() {
        assertThat(KpiMath.mean(0, 0)).isNull();
        assertThat(KpiMath.mean(30, 4)).isEqualTo(7.5);
    }
}
