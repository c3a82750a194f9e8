package io.chatroi.metrics.report.scorecard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/v1/scorecards}: one row per owner for an ISO week, best score first. */
@Schema(requiredProperties = {"week", "from", "to", "currency", "weights", "definitions", "rows"})
public record Scorecards(@Schema(description = "ISO week, e.g. 2026-W47", pattern = "^[0-9]{4}-W[0-9]{2}$") String week,
                         LocalDate from, LocalDate to, String currency,
                         @Schema(description = "the settings' scorecard weights: process, result, bonus")
                         Map<String, Double> weights,
                         String definitions, List<ScorecardRow> rows) {

    /** The same week narrowed to one owner's row; scores stay relative to the whole team. */
    public Scorecards onlyOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            return this;
        }
        return new Scorecards(week, from, to, currency, weights, definitions,
                rows.stream().filter(row -> owner.equals(row.owner())).toList());
    }
}
