package io.chatroi.metrics.report.trend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/trends}: one point for every period of the range. */
@Schema(requiredProperties = {"metric", "interval", "from", "to", "points"})
public record Trend(String metric, Interval interval, LocalDate from, LocalDate to, List<Point> points) {

    /** Day or ISO week. */
    @Schema(name = "TrendInterval")
    public enum Interval {
        DAY, WEEK;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    /** A period (ISO date or ISO week, e.g. 2026-W47) and the metric's value in it. */
    @Schema(name = "TrendPoint", requiredProperties = {"period", "value"})
    public record Point(String period,
                       @Schema(nullable = true, description = "a count, an amount in the workspace currency, or a"
                               + " KPI value (null when its denominator is zero)") Number value) {
    }
}
