package io.chatroi.metrics.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The salesperson scorecard's weighted score (docs/kpis.md section 3): each measure is scored against the best owner of
 * the same week (0..1), the three parts average their measures, and the score is 100 x the weighted mean of the
 * parts. Process: effective add rate and deep-interaction contacts; result: orders and order amount; bonus:
 * repurchasing customers and referrals. A measure nobody reached (best is 0) scores 0 for everyone.
 */
public final class Scorecard {

    private Scorecard() {
    }

    public record Weights(double process, double result, double bonus) {
        public static final Weights DEFAULT = new Weights(0.3, 0.5, 0.2);

        public static Weights of(Map<String, ? extends Number> map) {
            if (map == null) {
                return DEFAULT;
            }
            return new Weights(value(map, "process", DEFAULT.process), value(map, "result", DEFAULT.result),
                    value(map, "bonus", DEFAULT.bonus));
        }

        private static double value(Map<String, ? extends Number> map, String key, double fallback) {
            Number n = map.get(key);
            return n == null ? fallback : n.doubleValue();
        }

        double total() {
            return process + result + bonus;
        }
    }

    /** One owner's week; {@code effectiveAddRate} may be null (nobody added). */
    public record Measures(String owner, Double effectiveAddRate, long deepInteractions, long orders, double amount,
                           long repurchases, long referrals) {
    }

    public record Score(String owner, double process, double result, double bonus, double score) {
    }

    public static List<Score> score(List<Measures> owners, Weights weights) {
        double maxRate = owners.stream().mapToDouble(m -> m.effectiveAddRate() == null ? 0 : m.effectiveAddRate())
                .max().orElse(0);
        double maxDeep = owners.stream().mapToDouble(Measures::deepInteractions).max().orElse(0);
        double maxOrders = owners.stream().mapToDouble(Measures::orders).max().orElse(0);
        double maxAmount = owners.stream().mapToDouble(Measures::amount).max().orElse(0);
        double maxRepurchases = owners.stream().mapToDouble(Measures::repurchases).max().orElse(0);
        double maxReferrals = owners.stream().mapToDouble(Measures::referrals).max().orElse(0);
        List<Score> scores = new ArrayList<>();
        for (Measures m : owners) {
            double process = (share(m.effectiveAddRate() == null ? 0 : m.effectiveAddRate(), maxRate)
                    + share(m.deepInteractions(), maxDeep)) / 2;
            double result = (share(m.orders(), maxOrders) + share(m.amount(), maxAmount)) / 2;
            double bonus = (share(m.repurchases(), maxRepurchases) + share(m.referrals(), maxReferrals)) / 2;
            double total = weights.total() <= 0 ? 0
                    : 100 * (weights.process() * process + weights.result() * result + weights.bonus() * bonus)
                    / weights.total();
            scores.add(new Score(m.owner(), round2(100 * process), round2(100 * result), round2(100 * bonus),
                    round2(total)));
        }
        return scores;
    }

    private static double share(double value, double max) {
        return max <= 0 ? 0 : value / max;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
