package io.chatroi.metrics.report.scorecard;

import io.chatroi.metrics.kpi.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One owner's week: the measures of docs/kpis.md section 3 and the weighted score (each part 0-100). */
@Schema(requiredProperties = {"owner", "contactsAdded", "newEffectiveContacts", "effectiveAddRate",
        "deepInteractionContacts", "quotesSent", "ordersWon", "orderAmount", "repurchasingCustomers", "referrals",
        "processScore", "resultScore", "bonusScore", "score"})
public record ScorecardRow(String owner, long contactsAdded, long newEffectiveContacts,
                           @Schema(nullable = true, description = "null when the owner added nobody")
                           Double effectiveAddRate,
                           long deepInteractionContacts, long quotesSent, long ordersWon,
                           @Schema(description = Money.DESCRIPTION) BigDecimal orderAmount,
                           long repurchasingCustomers, long referrals, double processScore, double resultScore,
                           double bonusScore, double score) {
}
