package io.chatroi.metrics.report.roi;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer of {@code GET /api/v1/roi}. Every amount is in the workspace currency, rounded to its minor unit. */
@Schema(requiredProperties = {"from", "to", "campaignId", "owner", "currency", "basis", "costs", "value", "counts",
        "roi", "roiExtended", "valueToCost", "kpis", "otherCurrencyDeals"})
public record RoiReport(LocalDate from, LocalDate to, @Schema(nullable = true) UUID campaignId,
                        @Schema(nullable = true) String owner,
                        @Schema(description = "ISO 4217 code of every amount") String currency, Basis basis,
                        Costs costs, Value value, Counts counts,
                        @Schema(nullable = true, description = "(direct + repeat - cost) / cost; null without cost")
                        Double roi,
                        @Schema(nullable = true, description = "(all value parts - cost) / cost") Double roiExtended,
                        @Schema(nullable = true, description = "all value parts / cost") Double valueToCost,
                        Kpis kpis, OtherCurrencyDeals otherCurrencyDeals, Attribution attribution) {

    /** What sales count as: profit where every won deal records it, revenue where none does, else mixed. */
    @Schema(name = "RoiBasis")
    public enum Basis {
        PROFIT, REVENUE, MIXED;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    @Schema(name = "RoiCosts", requiredProperties = {"total", "byKind", "byCategory", "messageFeesFromSends", "billableMessages",
            "unpricedBillableMessages"})
    public record Costs(@Schema(description = Money.DESCRIPTION) BigDecimal total, ByKind byKind,
                        @Schema(description = "amount per cost category that has costs in the range (software,"
                                + " platform_fees, accounts, phone_numbers, message_fees, data, ads, labor, learning,"
                                + " opportunity): " + Money.DESCRIPTION) Map<String, BigDecimal> byCategory,
                        @Schema(description = "billable sends x their message rate: " + Money.DESCRIPTION)
                        BigDecimal messageFeesFromSends,
                        long billableMessages,
                        @Schema(description = "billable sends without a rate in the fee table (cost 0)")
                        long unpricedBillableMessages) {
    }

    @Schema(name = "RoiCostsByKind", requiredProperties = {"explicit", "hidden"})
    public record ByKind(@Schema(description = Money.DESCRIPTION) BigDecimal explicit,
                         @Schema(description = Money.DESCRIPTION) BigDecimal hidden) {
    }

    /** The value parts of docs/kpis.md section 4. */
    @Schema(name = "RoiValue", requiredProperties = {"direct", "repeat", "leadValue", "brand", "total"})
    public record Value(@Schema(description = "first orders' profit or revenue: " + Money.DESCRIPTION) BigDecimal direct,
                        @Schema(description = "repeat orders' profit or revenue: " + Money.DESCRIPTION) BigDecimal repeat,
                        @Schema(description = "qualified leads x value per lead: " + Money.DESCRIPTION)
                        BigDecimal leadValue,
                        @Schema(description = "monthly brand value prorated by day (whole workspace only): "
                                + Money.DESCRIPTION) BigDecimal brand,
                        @Schema(description = Money.DESCRIPTION) BigDecimal total) {
    }

    @Schema(name = "RoiCounts", requiredProperties = {"sent", "replied", "recipients", "conversions", "orders", "repeatOrders",
            "qualifiedLeads", "revenue"})
    public record Counts(long sent, long replied, long recipients, long conversions, long orders, long repeatOrders,
                         long qualifiedLeads, @Schema(description = Money.DESCRIPTION) BigDecimal revenue) {
    }

    @Schema(name = "RoiKpis", requiredProperties = {"roi", "roiExtended", "valueToCost", "roas", "costPerLead", "revenuePerConversion",
            "revenuePerMessage", "costPerRecipient", "campaignSpendReturn", "replyRate"})
    public record Kpis(KpiValue roi, KpiValue roiExtended, KpiValue valueToCost, KpiValue roas, KpiValue costPerLead,
                       KpiValue revenuePerConversion, KpiValue revenuePerMessage, KpiValue costPerRecipient,
                       KpiValue campaignSpendReturn, KpiValue replyRate) {
    }

    /**
     * Won deals of the range recorded in another currency than the workspace's: left out of every amount (never
     * added as if they were the same money) and counted here so they are not lost silently.
     */
    @Schema(requiredProperties = {"orders", "currencies"})
    public record OtherCurrencyDeals(long orders, List<String> currencies) {
    }

    /** How much of the revenue is credited to a campaign (attributed) and how much is not. */
    @Schema(name = "RoiAttribution", requiredProperties = {"attributedRevenue", "unattributedRevenue"})
    public record Attribution(@Schema(description = Money.DESCRIPTION) BigDecimal attributedRevenue,
                              @Schema(description = Money.DESCRIPTION) BigDecimal unattributedRevenue) {
    }
}
