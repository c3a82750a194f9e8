package io.chatroi.metrics.kpi;

/**
 * Welch's test of a variant's mean against a control's (revenue per send: n sends, the sum of their values and the
 * sum of their squares each), with the normal approximation that the experiment's minimum sample makes fair: the
 * difference of means with a 95% confidence interval and a two-sided p-value, both from the unpooled standard
 * error. The answer has the shape of {@link TwoProportionTest}'s, the "rates" being the means.
 */
public final class MeanDifferenceTest {

    private MeanDifferenceTest() {
    }

    /** The values of one arm: how many, their sum and the sum of their squares. */
    public record Sample(long n, double sum, double squares) {

        Double mean() {
            return n == 0 ? null : sum / n;
        }

        /** The sample variance (n - 1 in the denominator); never below 0 from rounding. */
        double variance() {
            double mean = sum / n;
            return Math.max(0, (squares - n * mean * mean) / (n - 1));
        }
    }

    public static TwoProportionTest.Result test(Sample control, Sample variant) {
        if (control.n() < 2 || variant.n() < 2) {
            return new TwoProportionTest.Result(rounded(control.mean()), rounded(variant.mean()), null, null, null,
                    null, null);
        }
        double m1 = control.mean();
        double m2 = variant.mean();
        double diff = m2 - m1;
        double se = Math.sqrt(control.variance() / control.n() + variant.variance() / variant.n());
        Double z = se == 0 ? null : diff / se;
        double p = z == null ? 1.0 : TwoProportionTest.erfc(Math.abs(z) / Math.sqrt(2));
        return new TwoProportionTest.Result(KpiMath.round(m1), KpiMath.round(m2), KpiMath.round(diff),
                KpiMath.round(diff - TwoProportionTest.Z_95 * se), KpiMath.round(diff + TwoProportionTest.Z_95 * se),
                z == null ? null : KpiMath.round(z), KpiMath.round(Math.max(0, Math.min(1, p))));
    }

    private static Double rounded(Double value) {
        return value == null ? null : KpiMath.round(value);
    }
}
