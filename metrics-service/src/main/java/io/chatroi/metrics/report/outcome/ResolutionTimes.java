package io.chatroi.metrics.report.outcome;

import io.chatroi.metrics.kpi.KpiValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/conversation-outcomes/resolution-times}: one row per group. */
@Schema(requiredProperties = {"from", "to", "groupBy", "basis", "rows"})
public record ResolutionTimes(LocalDate from, LocalDate to,
                              @Schema(enumeration = {"none", "owner", "day", "week", "month"}) String groupBy,
                              @Schema(description = "what counts as a resolution and where its time starts")
                              String basis,
                              List<Row> rows) {

    @Schema(name = "ResolutionTimeRow", requiredProperties = {"group", "resolutions", "resolutionTime",
            "resolutionTimeP90"})
    public record Row(@Schema(description = "the owner (empty: none), the day, ISO week or month; 'total' without"
                              + " groupBy") String group,
                      long resolutions,
                      @Schema(description = "median seconds from the conversation's first inbound message")
                      KpiValue resolutionTime,
                      @Schema(description = "90th percentile of the same") KpiValue resolutionTimeP90) {
    }
}
