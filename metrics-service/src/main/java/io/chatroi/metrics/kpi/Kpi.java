package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One KPI of the catalogue (KPIS.md): what it means, how it is computed, and its band when the seeds give one. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Kpi(String id, String name, String nameZh, String formula, String stage, String unit, Better better,
                  String source, Band bands) {

    public Rating rate(Double value) {
        return bands == null ? Rating.UNRATED : bands.rate(value, better);
    }
}
