package io.chatroi.metrics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One group of a KPI report: its key (and name where one exists), the counts and amounts, and every KPI that applies. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(requiredProperties = {"group", "name", "counts", "kpis"})
public record KpiRow(
        @Schema(description = "the group's key: a campaign or contact id, variant key, owner, country, source,"
                + " ad id, ISO date (day), ISO week (2026-W47), month (2026-11), or 'total' without groupBy; \"\" for"
                + " the contacts without a country, source or ad") String group,
        @Schema(nullable = true, description = "the campaign's name when grouped by campaign, the ad's headline (the"
                + " latest it carried) when grouped by ad, else null") String name,
        KpiCounts counts, RowKpis kpis) {
}
