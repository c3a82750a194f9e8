package io.chatroi.metrics.kpi;

/**
 * A benchmark band (seed 004): for a higher-is-better KPI, {@code benchmarkFrom} up to {@code benchmarkTo} is the
 * benchmark and {@code best} or more is best; for a lower-is-better KPI, {@code best} or less is best and up to
 * {@code benchmarkTo} is the benchmark. Edges belong to the better rating. Values between the benchmark's top and
 * best (e.g. a CTR of 0.27 between 0.25 and 0.30) count as benchmark.
 */
public record Band(double benchmarkFrom, double benchmarkTo, double best) {

    public Rating rate(Double value, Better better) {
        if (value == null) {
            return Rating.UNRATED;
        }
        if (better == Better.HIGHER) {
            if (value >= best) {
                return Rating.BEST;
            }
            return value >= benchmarkFrom ? Rating.BENCHMARK : Rating.BELOW;
        }
        if (value <= best) {
            return Rating.BEST;
        }
        return value <= benchmarkTo ? Rating.BENCHMARK : Rating.BELOW;
    }
}
