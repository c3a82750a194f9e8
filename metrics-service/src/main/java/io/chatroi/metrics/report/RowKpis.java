package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.KpiValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every KPI of a KPI row (ids as in the catalogue); a KPI whose table lacks the row's dimension has a null value. */
@Schema(requiredProperties = {"deliveryRate", "openRate", "readRateOfDelivered", "replyRate", "reactionRate", "ctr", "optOutRate",
        "conversionRate", "revenuePerConversion", "roas", "costPerLead", "revenuePerMessage", "costPerRecipient",
        "campaignSpendReturn", "conversations", "medianResponseTime", "contactsAdded", "acceptanceRate",
        "effectiveAddRate", "highIntentSourceShare", "firstTouchWithin1hRate", "avgTurns", "tagCoverage",
        "inquiryToQuoteRate", "quoteToOrderRate", "profitMargin", "avgDealCycleDays", "averageOrderValue",
        "repurchaseRate", "referrals"})
public record RowKpis(KpiValue deliveryRate, KpiValue openRate, KpiValue readRateOfDelivered, KpiValue replyRate,
                      KpiValue reactionRate, KpiValue ctr, KpiValue optOutRate, KpiValue conversionRate, KpiValue revenuePerConversion,
                      KpiValue roas, KpiValue costPerLead, KpiValue revenuePerMessage, KpiValue costPerRecipient,
                      KpiValue campaignSpendReturn, KpiValue conversations, KpiValue medianResponseTime,
                      KpiValue contactsAdded, KpiValue acceptanceRate, KpiValue effectiveAddRate,
                      KpiValue highIntentSourceShare, KpiValue firstTouchWithin1hRate, KpiValue avgTurns,
                      KpiValue tagCoverage, KpiValue inquiryToQuoteRate, KpiValue quoteToOrderRate,
                      KpiValue profitMargin, KpiValue avgDealCycleDays, KpiValue averageOrderValue,
                      KpiValue repurchaseRate, KpiValue referrals) {

    /** A KPI by its catalogue id, or null when rows do not carry it. */
    public KpiValue get(String id) {
        return (KpiValue) RecordFields.get(this, id);
    }
}
