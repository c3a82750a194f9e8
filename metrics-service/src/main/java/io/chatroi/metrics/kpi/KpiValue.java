package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A KPI in a report row: the value (null when the denominator is zero), its unit and its rating. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A KPI's value with its unit and how it rates against the KPI's benchmark band",
        requiredProperties = {"value", "unit", "rating"})
public record KpiValue(
        @Schema(nullable = true, description = "null when the denominator is zero (nothing to divide by)")
        Double value,
        @Schema(enumeration = {"ratio", "count", "money", "multiple", "seconds", "days"},
                description = "ratio 0..1, a count, money in the workspace currency, a multiple, seconds or days")
        String unit,
        Rating rating) {

    public static KpiValue of(Kpi kpi, Double value) {
        return new KpiValue(value, kpi.unit(), kpi.rate(value));
    }
}
