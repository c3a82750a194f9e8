package io.chatroi.metrics.report.experiment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExperimentMathTest {

    private static LinkedHashMap<String, ExperimentMath.Arm> arms(long... sendsAndConversions) {
        LinkedHashMap<String, ExperimentMath.Arm> arms = new LinkedHashMap<>();
        for (int i = 0; i < sendsAndConversions.length; i += 2) {
            arms.put(String.valueOf((char) ('A' + i / 2)),
                    new ExperimentMath.Arm(sendsAndConversions[i], sendsAndConversions[i + 1]));
        }
        return arms;
    }

    @Test
    void aSignificantlyBetterVariantWins() {
        ExperimentMath.Outcome o = ExperimentMath.decide(arms(1000, 200, 1000, 250), 100);
        assertThat(o.winner()).isEqualTo("B");
        assertThat(o.verdict()).isEqualTo("variant B wins at 95% confidence");
        VariantResult control = o.variants().get(0);
        assertThat(control.control()).isTrue();
        assertThat(control.differenceVsControl()).as("the control is not compared with itself").isNull();
        assertThat(control.significant()).isNull();
        VariantResult b = o.variants().get(1);
        assertThat(b.rate()).isEqualTo(0.25);
        assertThat(b.differenceVsControl()).isCloseTo(0.05, within(1e-9));
        assertThat(b.pValue()).isCloseTo(0.00742, within(1e-4));
        assertThat(b.significant()).isTrue();
    }

    @Test
    void theControlWinsOnlyWhenItBeatsEveryArm() {
        assertThat(ExperimentMath.decide(arms(1000, 250, 1000, 200, 1000, 195), 100).winner()).isEqualTo("A");
        assertThat(ExperimentMath.decide(arms(1000, 250, 1000, 200, 1000, 245), 100).winner()).isNull();
    }

    @Test
    void tooFewSendsIsSaidSo() {
        ExperimentMath.Outcome o = ExperimentMath.decide(arms(1000, 200, 50, 40), 100);
        assertThat(o.winner()).isNull();
        assertThat(o.verdict()).isEqualTo("not enough sends yet (minimum 100 per variant)");
        assertThat(o.variants().get(1).significant()).isFalse();
    }

    @Test
    void noDifferenceAndNoArms() {
        assertThat(ExperimentMath.decide(arms(1000, 300, 1000, 301), 100).verdict())
                .isEqualTo("no significant difference");
        ExperimentMath.Outcome none = ExperimentMath.decide(new LinkedHashMap<>(), 100);
        assertThat(none.variants()).isEmpty();
        assertThat(none.winner()).isNull();
    }

    /** An arm of {@code sends} of which {@code buyers} spent {@code amount} each. */
    private static ExperimentMath.Arm buying(long sends, long buyers, long amount) {
        return new ExperimentMath.Arm(sends, buyers, BigDecimal.valueOf(buyers * amount), (double) buyers * amount * amount);
    }

    @Test
    void aRevenueGoalComparesRevenuePerSendNotTheShareOfBuyers() {
        LinkedHashMap<String, ExperimentMath.Arm> arms = new LinkedHashMap<>();
        // B has fewer buyers but each spends three times as much
        arms.put("A", buying(1000, 150, 50));
        arms.put("B", buying(1000, 100, 150));
        ExperimentMath.Outcome byRevenue = ExperimentMath.decide(arms, 100, true);
        assertThat(byRevenue.winner()).isEqualTo("B");
        assertThat(byRevenue.verdict()).isEqualTo("variant B wins at 95% confidence on revenue per send");
        VariantResult b = byRevenue.variants().get(1);
        assertThat(b.revenue()).isEqualByComparingTo("15000");
        assertThat(b.revenuePerSend()).isEqualTo(15.0);
        assertThat(b.rate()).as("still the share that bought").isEqualTo(0.1);
        assertThat(b.differenceVsControl()).isEqualTo(7.5);
        assertThat(byRevenue.variants().get(0).revenuePerSend()).isEqualTo(7.5);

        ExperimentMath.Outcome byBuyers = ExperimentMath.decide(arms, 100, false);
        assertThat(byBuyers.winner()).as("by the share of buyers the control is better").isEqualTo("A");
        assertThat(byBuyers.variants().get(1).revenue()).isEqualByComparingTo("15000");
    }
}
