package io.chatroi.metrics.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which direction of a KPI is good. */
public enum Better {
    HIGHER, LOWER;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
