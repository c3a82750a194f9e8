package io.chatroi.metrics.kpi;

/**
 * Two-proportion z-test of a variant against a control (conversions x of n sends each): the difference of rates
 * with a 95% confidence interval (unpooled standard error) and a two-sided p-value (pooled standard error).
 */
public final class TwoProportionTest {

    public static final double Z_95 = 1.959963984540054;

    private TwoProportionTest() {
    }

    public record Result(Double controlRate, Double variantRate, Double difference, Double ciLow, Double ciHigh,
                         Double z, Double pValue) {
    }

    public static Result test(long controlConversions, long controlSends, long variantConversions, long variantSends) {
        if (controlSends <= 0 || variantSends <= 0) {
            return new Result(KpiMath.ratio(controlConversions, controlSends),
                    KpiMath.ratio(variantConversions, variantSends), null, null, null, null, null);
        }
        double p1 = (double) controlConversions / controlSends;
        double p2 = (double) variantConversions / variantSends;
        double diff = p2 - p1;
        double unpooled = Math.sqrt(p1 * (1 - p1) / controlSends + p2 * (1 - p2) / variantSends);
        double pooled = (double) (controlConversions + variantConversions) / (controlSends + variantSends);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlSends + 1.0 / variantSends));
        Double z = pooledSe == 0 ? null : diff / pooledSe;
        Double p = z == null ? 1.0 : erfc(Math.abs(z) / Math.sqrt(2));
        return new Result(KpiMath.round(p1), KpiMath.round(p2), KpiMath.round(diff),
                KpiMath.round(diff - Z_95 * unpooled), KpiMath.round(diff + Z_95 * unpooled),
                z == null ? null : KpiMath.round(z), KpiMath.round(Math.max(0, Math.min(1, p))));
    }

    /** Whether a result names a winner: significant at 5% and both arms at least {@code minSample} sends. */
    public static boolean significant(Result result, long controlSends, long variantSends, long minSample) {
        return result.pValue() != null && result.pValue() < 0.05 && controlSends >= minSample
                && variantSends >= minSample;
    }

    /** Standard normal CDF through the complementary error function. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        // Numerical Recipes erfc (Chebyshev), fractional error < 1.2e-7 everywhere; enough for p-values.
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
