package io.chatroi.contacts.ask;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/v1/top-asks}: the most triggered rules and terms, per period and language. */
@Schema(requiredProperties = {"from", "to", "period", "timeZone", "basis", "items"})
public record TopAsks(Instant from, Instant to,
                     @Schema(enumeration = {"none", "day", "week", "month"}) String period,
                     @Schema(description = "the IANA zone periods are cut in") String timeZone,
                     @Schema(description = "what was counted") String basis,
                     List<Ask> items) {

    @Schema(name = "TopAsk", requiredProperties = {"period", "level", "kind", "label", "term", "language", "messages",
            "rank"})
    public record Ask(@Schema(description = "the day, ISO week or month; 'total' without period") String period,
                      @Schema(enumeration = {"rule", "term"},
                              description = "rule: a (kind, label) by any of its terms; term: one trigger phrase")
                      String level,
                      @Schema(enumeration = {"intent", "interest", "opt-out"}) String kind,
                      @Schema(description = "the intent tier, interest group or 'stop'") String label,
                      @Schema(nullable = true, description = "the trigger phrase; null on a rule row") String term,
                      @Schema(enumeration = {"en", "zh"}) String language,
                      @Schema(description = "inbound messages that triggered it") long messages,
                      @Schema(description = "1 = most asked, within its period, level and language") int rank) {
    }
}
