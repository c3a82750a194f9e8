package io.chatroi.metrics.report.experiment;

import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.TwoProportionTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment's decision: the first arm is the control; each other arm is compared with it by a two-proportion
 * z-test. The winner is the best significantly better arm; the control wins only when it is significantly better than
 * every other arm; else there is no winner, for too few sends or no significant difference.
 */
public final class ExperimentMath {

    private ExperimentMath() {
    }

    /** Sends and goal conversions of one arm. */
    public record Arm(long sends, long conversions) {
    }

    public record Outcome(List<VariantResult> variants, String winner, String verdict) {
    }

    /** {@code arms} in variant order, the control first. */
    public static Outcome decide(LinkedHashMap<String, Arm> arms, long minSample) {
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
                r = TwoProportionTest.test(c.conversions(), c.sends(), v.conversions(), v.sends());
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
                    r == null ? null : r.pValue(), significant));
        }
        if (winner == null && controlBeatsAll) {
            winner = control;
        }
        String verdict = winner != null ? "variant " + winner + " wins at 95% confidence"
                : arms.values().stream().anyMatch(v -> v.sends() < minSample)
                ? "not enough sends yet (minimum " + minSample + " per variant)" : "no significant difference";
        return new Outcome(variants, winner, verdict);
    }
}
