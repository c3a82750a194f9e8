package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One KPI of the catalogue (docs/kpis.md): what it means, how it is computed, and its band when the seeds give one. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(requiredProperties = {"id", "name", "nameZh", "formula", "stage", "unit", "better", "source", "bands"})
public record Kpi(String id, String name, String nameZh, String formula,
                  @Schema(enumeration = {"message", "reach", "interact", "convert", "retain", "roi"}) String stage,
                  @Schema(enumeration = {"ratio", "count", "money", "multiple", "seconds", "days"}) String unit,
                  Better better, String source,
                  @Schema(nullable = true, description = "null: the KPI has no benchmark band (always unrated)")
                  Band bands) {

    public Rating rate(Double value) {
        return bands == null ? Rating.UNRATED : bands.rate(value, better);
    }
}
