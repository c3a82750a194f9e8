package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A KPI in a report row: the value (null when the denominator is zero), its unit and its rating. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiValue(Double value, String unit, Rating rating) {

    public static KpiValue of(Kpi kpi, Double value) {
        return new KpiValue(value, kpi.unit(), kpi.rate(value));
    }
}
