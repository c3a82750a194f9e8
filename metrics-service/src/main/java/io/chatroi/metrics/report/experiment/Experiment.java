package io.chatroi.metrics.report.experiment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/v1/campaigns/{id}/experiment}. */
@Schema(requiredProperties = {"campaignId", "name", "goal", "minSamplePerVariant", "confidence", "currency", "variants",
        "holdout", "winner", "verdict", "otherCurrencyDeals"})
public record Experiment(UUID campaignId, @Schema(nullable = true) String name, Goal goal, long minSamplePerVariant,
                         double confidence,
                         @Schema(description = "ISO 4217 code of the variants' revenue (the workspace currency)")
                         String currency, List<VariantResult> variants,
                         @Schema(nullable = true, description = "null unless the campaign held contacts out")
                         Holdout holdout,
                         @Schema(nullable = true, description = "the winning variant's key, null without a"
                                 + " significant winner") String winner,
                         String verdict,
                         @Schema(description = "won deals inside the goal window left out of revenue and of a"
                                 + " revenue goal's conversions because they are in another currency")
                         OtherCurrencyDeals otherCurrencyDeals) {

    /**
     * What counts as a conversion, and for how many days after a send: a reply, a click, a won deal, or (revenue) a
     * won deal whose arms are compared by revenue per send.
     */
    @Schema(name = "ExperimentGoal", requiredProperties = {"type", "windowDays"})
    public record Goal(@Schema(enumeration = {"reply", "click", "deal_won", "revenue"}) String type, int windowDays) {
    }

    /** Contacts held out (sent nothing) and how many of them converted anyway. */
    @Schema(name = "ExperimentHoldout", requiredProperties = {"contacts", "conversions", "rate"})
    public record Holdout(long contacts, long conversions, @Schema(nullable = true) Double rate) {
    }

    /** Won deals in another currency than the workspace's: how many, and in which currencies. */
    @Schema(name = "ExperimentOtherCurrencyDeals", requiredProperties = {"orders", "currencies"})
    public record OtherCurrencyDeals(long orders, List<String> currencies) {
    }
}
