package io.chatroi.metrics.report.experiment;

import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.MeanDifferenceTest;
import io.chatroi.metrics.kpi.TwoProportionTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment's decision: the first arm is the control; each other arm is compared with it, by a two-proportion
 * z-test of conversion rates, or, for a revenue goal, by Welch's test of revenue per send. The winner is the best
 * significantly better arm; the control wins only when it is significantly better than every other arm; else there
 * is no winner, for too few sends or no significant difference.
 */
public final class ExperimentMath {

    private ExperimentMath() {
    }

    /** Sends and goal conversions of one arm, and the revenue credited to its sends (with the sum of its squares). */
    public record Arm(long sends, long conversions, BigDecimal revenue, double revenueSquares) {

        public Arm(long sends, long conversions) {
            this(sends, conversions, BigDecimal.ZERO, 0);
        }
    }

    public record Outcome(List<VariantResult> variants, String winner, String verdict) {
    }

    /** {@code arms} in variant order, the control first; conversion rates compared. */
    public static Outcome decide(LinkedHashMap<String, Arm> arms, long minSample) {
        return decide(arms, minSample, false);
    }

    /** {@code arms} in variant order, the control first; revenue per send compared when {@code byRevenue}. */
    public static Outcome decide(LinkedHashMap<String, Arm> arms, long minSample, boolean byRevenue) {
        String control = arms.isEmpty() ? null : arms.keySet().iterator().next();
        Arm c = control == null ? new Arm(0, 0) : arms.get(control);
        List<VariantResult> variants = new ArrayList<>();
        String winner = null;
        double best = -1;
        boolean controlBeatsAll = arms.size() > 1;
        for (Map.Entry<String, Arm> entry : arms.entrySet()) {
            Arm v = entry.getValue();
            TwoProportionTest.Result r = null;
            Boolean significant = null;
            if (!entry.getKey().equals(control)) {
                r = byRevenue ? MeanDifferenceTest.test(sample(c), sample(v))
                        : TwoProportionTest.test(c.conversions(), c.sends(), v.conversions(), v.sends());
                significant = TwoProportionTest.significant(r, c.sends(), v.sends(), minSample);
                if (significant && r.difference() > 0 && r.variantRate() > best) {
                    best = r.variantRate();
                    winner = entry.getKey();
                }
                controlBeatsAll &= significant && r.difference() < 0;
            }
            variants.add(new VariantResult(entry.getKey(), entry.getKey().equals(control), v.sends(),
                    v.conversions(), KpiMath.ratio(v.conversions(), v.sends()), r == null ? null : r.difference(),
                    r == null ? null : r.ciLow(), r == null ? null : r.ciHigh(), r == null ? null : r.z(),
                    r == null ? null : r.pValue(), significant, v.revenue(), KpiMath.ratio(v.revenue(), v.sends())));
        }
        if (winner == null && controlBeatsAll) {
            winner = control;
        }
        String verdict = winner != null ? "variant " + winner + " wins at 95% confidence"
                + (byRevenue ? " on revenue per send" : "")
                : arms.values().stream().anyMatch(v -> v.sends() < minSample)
                ? "not enough sends yet (minimum " + minSample + " per variant)" : "no significant difference";
        return new Outcome(variants, winner, verdict);
    }

    private static MeanDifferenceTest.Sample sample(Arm arm) {
        return new MeanDifferenceTest.Sample(arm.sends(), arm.revenue().doubleValue(), arm.revenueSquares());
    }
}
