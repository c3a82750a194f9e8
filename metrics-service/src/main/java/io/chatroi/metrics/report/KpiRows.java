package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.Money;

import java.math.BigDecimal;
import java.util.Map;

import static io.chatroi.metrics.report.Sums.count;
import static io.chatroi.metrics.report.Sums.money;

/**
 * One KPI row from the sums of the snapshot tables (column names as in the tables; a table without the row's
 * dimension left its columns out, so its count KPIs are null rather than 0). Amounts round to the currency's scale.
 */
final class KpiRows {

    private KpiRows() {
    }

    static KpiRow row(String key, Map<String, Object> v, int scale) {
        long sent = count(v, "sent");
        long delivered = count(v, "delivered");
        long read = count(v, "read");
        long conversions = count(v, "conversions");
        long recipients = count(v, "recipients");
        long added = count(v, "added");
        long won = count(v, "won");
        BigDecimal revenue = money(v, "revenue");
        BigDecimal fees = money(v, "message_fees");
        BigDecimal entered = money(v, "entered_costs");
        BigDecimal spend = fees.add(entered);
        KpiCounts counts = new KpiCounts(sent, delivered, read, count(v, "failed"), count(v, "replied"),
                count(v, "reacted"), count(v, "clicked"), count(v, "opted_out"), count(v, "inbound"), conversions, recipients, added,
                count(v, "inquiries"), count(v, "quotes"), won, Money.round(revenue, scale), Money.round(fees, scale),
                Money.round(entered, scale), Money.round(spend, scale));
        RowKpis kpis = new RowKpis(
                kpi("deliveryRate", KpiMath.ratio(delivered, sent)),
                kpi("openRate", KpiMath.ratio(read, sent)),
                kpi("readRateOfDelivered", KpiMath.ratio(read, delivered)),
                kpi("replyRate", KpiMath.ratio(count(v, "replied"), sent)),
                kpi("reactionRate", KpiMath.ratio(count(v, "reacted"), sent)),
                kpi("ctr", KpiMath.ratio(count(v, "clicked"), sent)),
                kpi("optOutRate", KpiMath.ratio(count(v, "opted_out"), sent)),
                kpi("conversionRate", KpiMath.ratio(conversions, sent)),
                kpi("revenuePerConversion", KpiMath.ratio(revenue, conversions)),
                kpi("roas", KpiMath.ratio(revenue, spend)),
                kpi("costPerLead", KpiMath.ratio(spend, count(v, "inquiries"))),
                kpi("revenuePerMessage", KpiMath.ratio(revenue, sent)),
                kpi("costPerRecipient", KpiMath.ratio(spend, recipients)),
                kpi("campaignSpendReturn", KpiMath.spendReturn(revenue, spend, recipients)),
                kpi("conversations", v.containsKey("conversations") ? (double) count(v, "conversations") : null),
                kpi("medianResponseTime", v.get("response_median_s") instanceof Number median
                        ? KpiMath.round(median.doubleValue()) : null),
                kpi("contactsAdded", v.containsKey("added") ? (double) added : null),
                kpi("acceptanceRate", KpiMath.ratio(count(v, "accepted"), added)),
                kpi("effectiveAddRate", KpiMath.ratio(count(v, "effective"), added)),
                kpi("highIntentSourceShare", KpiMath.ratio(count(v, "high_intent"), added)),
                kpi("firstTouchWithin1hRate", KpiMath.ratio(count(v, "first_touch_1h"), added)),
                kpi("avgTurns", KpiMath.ratio(count(v, "turns"), count(v, "conversations"))),
                kpi("tagCoverage", KpiMath.ratio(count(v, "tagged"), added)),
                kpi("inquiryToQuoteRate", KpiMath.ratio(count(v, "quoted_inquiries"), count(v, "inquiries"))),
                kpi("quoteToOrderRate", KpiMath.ratio(won, count(v, "quotes"))),
                kpi("profitMargin", count(v, "with_profit") == won && won > 0
                        ? KpiMath.ratio(money(v, "value"), revenue) : null),
                kpi("avgDealCycleDays", KpiMath.ratio(money(v, "cycle_days_sum"), count(v, "cycle_count"))),
                kpi("averageOrderValue", KpiMath.ratio(revenue, won)),
                kpi("repurchaseRate", KpiMath.ratio(count(v, "repeat_customers"), count(v, "converted"))),
                kpi("referrals", v.containsKey("referrals") ? (double) count(v, "referrals") : null));
        return new KpiRow(key, (String) v.get("name"), counts, kpis);
    }

    private static KpiValue kpi(String id, Double value) {
        return KpiCatalog.value(id, value);
    }
}
