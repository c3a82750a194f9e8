package io.chatroi.metrics.kpi;

import java.util.List;

/** The answer of {@code GET /api/v1/kpis/catalog}. */
public record KpiCatalogue(List<Kpi> items) {
}
