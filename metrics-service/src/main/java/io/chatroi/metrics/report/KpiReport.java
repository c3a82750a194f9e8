package io.chatroi.metrics.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/kpis}: the range, the grouping, the workspace currency and one row per group. */
@Schema(requiredProperties = {"from", "to", "groupBy", "currency", "rows"})
public record KpiReport(LocalDate from, LocalDate to,
                        @Schema(enumeration = {"none", "campaign", "variant", "owner", "country", "source", "ad", "day",
                                "week", "month"}) String groupBy,
                        @Schema(description = "ISO 4217 code of every amount") String currency,
                        List<KpiRow> rows) {
}
