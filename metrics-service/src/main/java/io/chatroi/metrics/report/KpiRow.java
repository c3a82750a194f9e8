package io.chatroi.metrics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatroi.metrics.kpi.KpiValue;

import java.util.Map;

/** One group of a KPI report: its key (and name where one exists), the counts and amounts, and every KPI that applies. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiRow(String group, String name, Map<String, Object> counts, Map<String, KpiValue> kpis) {
}
