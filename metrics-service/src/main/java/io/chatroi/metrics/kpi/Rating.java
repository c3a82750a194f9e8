package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a KPI value compares with its benchmark band (docs/kpis.md): a frontend colours it without knowing the bands. */
public enum Rating {
    BELOW, BENCHMARK, BEST, UNRATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
