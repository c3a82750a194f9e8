package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * KPI rows (KPIS.md sections 1-2) summed from the snapshots of a range: messages, deals, contact cohorts and
 * conversations, plus costs spread day by day. A table without the requested dimension (contacts per campaign, for
 * example) contributes nothing to that grouping, and its KPIs are null.
 */
@ApplicationScoped
public class KpiService {

    static final String[] MESSAGE_COUNTS = {"sent", "delivered", "read", "failed", "replied", "reacted", "clicked",
            "opted_out", "conversions", "holdout", "recipients", "billable", "unpriced"};
    static final String[] DEAL_COUNTS = {"inquiries", "quotes", "quoted_inquiries", "won", "repeat_won",
            "with_profit", "cycle_count"};
    static final String[] CONTACT_COUNTS = {"added", "accepted", "effective", "high_intent", "first_touch_1h",
            "tagged", "referrals", "converted", "repeat_customers"};
    static final String[] INTERACTION_COUNTS = {"inbound", "outbound", "conversations", "turns", "responses"};

    private final SnapshotRepository snapshots;

    public KpiService(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The filters of every report. */
    public record Filter(LocalDate from, LocalDate to, UUID campaignId, String owner) {
    }

    public Uni<List<KpiRow>> rows(Filter f, GroupBy groupBy, Settings settings) {
        Map<String, Map<String, Object>> acc = new TreeMap<>();
        Uni<Void> all = Uni.combine().all().unis(
                messages(f, groupBy).invoke(rows -> merge(acc, rows)),
                deals(f, groupBy).invoke(rows -> merge(acc, rows)),
                contacts(f, groupBy).invoke(rows -> merge(acc, rows)),
                interactions(f, groupBy).invoke(rows -> merge(acc, rows)),
                costs(f, groupBy).invoke(rows -> merge(acc, rows)),
                names(groupBy).invoke(rows -> merge(acc, rows))).discardItems();
        return all.map(x -> {
            List<KpiRow> out = new ArrayList<>();
            acc.forEach((key, values) -> {
                if (values.size() > 1 || !values.containsKey("name")) {
                    out.add(row(key, values));
                }
            });
            if (out.isEmpty() && groupBy == GroupBy.NONE) {
                out.add(row("total", new LinkedHashMap<>()));
            }
            return out;
        });
    }

    private static void merge(Map<String, Map<String, Object>> acc, RowSet<Row> rows) {
        if (rows == null) {
            return;
        }
        synchronized (acc) {
            for (Row row : rows) {
                String key = row.getString("k");
                if (key == null) {
                    continue;
                }
                Map<String, Object> values = acc.computeIfAbsent(key, k -> new LinkedHashMap<>());
                for (int i = 0; i < row.size(); i++) {
                    String column = row.getColumnName(i);
                    if (!column.equals("k")) {
                        Object value = row.getValue(i);
                        if (value != null) {
                            values.put(column, value);
                        }
                    }
                }
            }
        }
    }

    private Uni<RowSet<Row>> messages(Filter f, GroupBy g) {
        return snapshots.messages(f, g);
    }

    private Uni<RowSet<Row>> deals(Filter f, GroupBy g) {
        return snapshots.deals(f, g);
    }

    private Uni<RowSet<Row>> contacts(Filter f, GroupBy g) {
        return snapshots.contacts(f, g);
    }

    private Uni<RowSet<Row>> interactions(Filter f, GroupBy g) {
        return snapshots.interactions(f, g);
    }

    private Uni<RowSet<Row>> costs(Filter f, GroupBy g) {
        return snapshots.costs(f, g);
    }

    private Uni<RowSet<Row>> names(GroupBy g) {
        return snapshots.campaignNames(g);
    }

    static String where(Sql sql, Filter f, short grain, boolean campaign, boolean owner) {
        StringBuilder w = new StringBuilder(" WHERE t.day BETWEEN " + sql.bind(f.from()) + "::date AND "
                + sql.bind(f.to()) + "::date");
        if (grain >= 0) {
            w.append(" AND t.grain = ").append(grain);
        }
        if (campaign && f.campaignId() != null) {
            w.append(" AND t.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (owner && f.owner() != null) {
            w.append(" AND t.owner = ").append(sql.bind(f.owner()));
        }
        return w.toString();
    }

    static long count(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal money(Map<String, Object> v, String key) {
        Object value = v.get(key);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    static BigDecimal round2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static KpiRow row(String key, Map<String, Object> v) {
        Map<String, Object> counts = new LinkedHashMap<>();
        long sent = count(v, "sent");
        counts.put("sent", sent);
        counts.put("delivered", count(v, "delivered"));
        counts.put("read", count(v, "read"));
        counts.put("failed", count(v, "failed"));
        counts.put("replied", count(v, "replied"));
        counts.put("reacted", count(v, "reacted"));
        counts.put("clicked", count(v, "clicked"));
        counts.put("optedOut", count(v, "opted_out"));
        counts.put("received", count(v, "inbound"));
        counts.put("conversions", count(v, "conversions"));
        counts.put("recipients", count(v, "recipients"));
        counts.put("contactsAdded", count(v, "added"));
        counts.put("qualifiedLeads", count(v, "inquiries"));
        counts.put("quotes", count(v, "quotes"));
        counts.put("orders", count(v, "won"));
        BigDecimal revenue = money(v, "revenue");
        BigDecimal fees = money(v, "message_fees");
        BigDecimal entered = money(v, "entered_costs");
        BigDecimal spend = fees.add(entered);
        counts.put("revenue", round2(revenue));
        counts.put("messageFees", round2(fees));
        counts.put("enteredCosts", round2(entered));
        counts.put("spend", round2(spend));
        Map<String, KpiValue> k = new LinkedHashMap<>();
        long delivered = count(v, "delivered");
        long read = count(v, "read");
        long conversions = count(v, "conversions");
        long recipients = count(v, "recipients");
        long added = count(v, "added");
        long won = count(v, "won");
        k.put("deliveryRate", KpiCatalog.value("deliveryRate", KpiMath.ratio(delivered, sent)));
        k.put("openRate", KpiCatalog.value("openRate", KpiMath.ratio(read, sent)));
        k.put("readRateOfDelivered", KpiCatalog.value("readRateOfDelivered", KpiMath.ratio(read, delivered)));
        k.put("replyRate", KpiCatalog.value("replyRate", KpiMath.ratio(count(v, "replied"), sent)));
        k.put("reactionRate", KpiCatalog.value("reactionRate", KpiMath.ratio(count(v, "reacted"), sent)));
        k.put("ctr", KpiCatalog.value("ctr", KpiMath.ratio(count(v, "clicked"), sent)));
        k.put("optOutRate", KpiCatalog.value("optOutRate", KpiMath.ratio(count(v, "opted_out"), sent)));
        k.put("conversionRate", KpiCatalog.value("conversionRate", KpiMath.ratio(conversions, sent)));
        k.put("revenuePerConversion", KpiCatalog.value("revenuePerConversion", KpiMath.ratio(revenue, conversions)));
        k.put("roas", KpiCatalog.value("roas", KpiMath.ratio(revenue, spend)));
        k.put("costPerLead", KpiCatalog.value("costPerLead", KpiMath.ratio(spend, count(v, "inquiries"))));
        k.put("revenuePerMessage", KpiCatalog.value("revenuePerMessage", KpiMath.ratio(revenue, sent)));
        k.put("costPerRecipient", KpiCatalog.value("costPerRecipient", KpiMath.ratio(spend, recipients)));
        k.put("campaignSpendReturn", KpiCatalog.value("campaignSpendReturn",
                KpiMath.spendReturn(revenue, spend, recipients)));
        k.put("conversations", KpiCatalog.value("conversations", v.containsKey("conversations")
                ? (double) count(v, "conversations") : null));
        long responses = count(v, "responses");
        k.put("medianResponseTime", KpiCatalog.value("medianResponseTime",
                KpiMath.ratio(money(v, "response_median_weighted"), responses)));
        k.put("contactsAdded", KpiCatalog.value("contactsAdded", v.containsKey("added") ? (double) added : null));
        k.put("acceptanceRate", KpiCatalog.value("acceptanceRate", KpiMath.ratio(count(v, "accepted"), added)));
        k.put("effectiveAddRate", KpiCatalog.value("effectiveAddRate", KpiMath.ratio(count(v, "effective"), added)));
        k.put("highIntentSourceShare", KpiCatalog.value("highIntentSourceShare",
                KpiMath.ratio(count(v, "high_intent"), added)));
        k.put("firstTouchWithin1hRate", KpiCatalog.value("firstTouchWithin1hRate",
                KpiMath.ratio(count(v, "first_touch_1h"), added)));
        k.put("avgTurns", KpiCatalog.value("avgTurns", KpiMath.ratio(count(v, "turns"), count(v, "conversations"))));
        k.put("tagCoverage", KpiCatalog.value("tagCoverage", KpiMath.ratio(count(v, "tagged"), added)));
        k.put("inquiryToQuoteRate", KpiCatalog.value("inquiryToQuoteRate",
                KpiMath.ratio(count(v, "quoted_inquiries"), count(v, "inquiries"))));
        k.put("quoteToOrderRate", KpiCatalog.value("quoteToOrderRate", KpiMath.ratio(won, count(v, "quotes"))));
        k.put("profitMargin", KpiCatalog.value("profitMargin", count(v, "with_profit") == won && won > 0
                ? KpiMath.ratio(money(v, "value"), revenue) : null));
        k.put("avgDealCycleDays", KpiCatalog.value("avgDealCycleDays",
                KpiMath.ratio(money(v, "cycle_days_sum"), count(v, "cycle_count"))));
        k.put("averageOrderValue", KpiCatalog.value("averageOrderValue", KpiMath.ratio(revenue, won)));
        k.put("repurchaseRate", KpiCatalog.value("repurchaseRate",
                KpiMath.ratio(count(v, "repeat_customers"), count(v, "converted"))));
        k.put("referrals", KpiCatalog.value("referrals", v.containsKey("referrals")
                ? (double) count(v, "referrals") : null));
        return new KpiRow(key, (String) v.get("name"), counts, k);
    }
}
