package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.RoiMath;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.chatroi.metrics.report.KpiService.count;
import static io.chatroi.metrics.report.KpiService.money;
import static io.chatroi.metrics.report.KpiService.round2;

/**
 * ROI of a range (KPIS.md section 4): entered costs spread day by day plus message fees from billable sends, by
 * category and kind; value parts (direct sales, repeat orders, lead value, brand); roi, roiExtended, valueToCost and
 * the seed 004 ratios. Sales count profit where the deal records it, else revenue; {@code basis} says which.
 */
@ApplicationScoped
public class RoiService {

    private final Pool pool;

    public RoiService(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, Object>> roi(KpiService.Filter f, Settings settings) {
        Sql costSql = new Sql();
        String from = costSql.bind(f.from()) + "::date";
        String to = costSql.bind(f.to()) + "::date";
        StringBuilder costs = new StringBuilder("SELECT c.category, c.kind, sum(c.amount * (least(c.period_end, " + to
                + ") - greatest(c.period_start, " + from + ") + 1)::numeric / (c.period_end - c.period_start + 1))"
                + " AS amount FROM costs c WHERE c.period_end >= " + from + " AND c.period_start <= " + to);
        if (f.campaignId() != null) {
            costs.append(" AND c.campaign_id = ").append(costSql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            costs.append(" AND c.owner = ").append(costSql.bind(f.owner()));
        }
        costs.append(" GROUP BY 1, 2 ORDER BY 1, 2");

        Sql msgSql = new Sql();
        String messages = "SELECT coalesce(sum(sent), 0)::bigint AS sent, coalesce(sum(replied), 0)::bigint AS replied,"
                + " coalesce(sum(recipients), 0)::bigint AS recipients, coalesce(sum(conversions), 0)::bigint"
                + " AS conversions, coalesce(sum(billable), 0)::bigint AS billable, coalesce(sum(unpriced), 0)::bigint"
                + " AS unpriced, coalesce(sum(message_fees), 0) AS message_fees FROM snap_messages t"
                + KpiService.where(msgSql, f, (short) 3, true, true);
        Sql dealSql = new Sql();
        String deals = "SELECT coalesce(sum(inquiries), 0)::bigint AS inquiries, coalesce(sum(won), 0)::bigint AS won,"
                + " coalesce(sum(repeat_won), 0)::bigint AS repeat_won, coalesce(sum(with_profit), 0)::bigint"
                + " AS with_profit, coalesce(sum(revenue), 0) AS revenue, coalesce(sum(value), 0) AS value,"
                + " coalesce(sum(repeat_revenue), 0) AS repeat_revenue, coalesce(sum(repeat_value), 0) AS repeat_value,"
                + " coalesce(sum(revenue) FILTER (WHERE t.campaign_id IS NOT NULL), 0) AS attributed_revenue"
                + " FROM snap_deals t" + KpiService.where(dealSql, f, (short) 3, true, true);

        return Uni.combine().all().unis(
                pool.preparedQuery(costs.toString()).execute(costSql.tuple()),
                pool.preparedQuery(messages).execute(msgSql.tuple()),
                pool.preparedQuery(deals).execute(dealSql.tuple())).asTuple().map(t -> {
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            Map<String, BigDecimal> byKind = new LinkedHashMap<>();
            byKind.put("explicit", BigDecimal.ZERO);
            byKind.put("hidden", BigDecimal.ZERO);
            for (Row row : t.getItem1()) {
                BigDecimal amount = row.getBigDecimal("amount");
                byCategory.merge(row.getString("category"), amount, BigDecimal::add);
                byKind.merge(row.getString("kind"), amount, BigDecimal::add);
            }
            Map<String, Object> m = values(t.getItem2().iterator().next());
            Map<String, Object> d = values(t.getItem3().iterator().next());
            BigDecimal fees = money(m, "message_fees");
            if (fees.signum() > 0) {
                byCategory.merge("message_fees", fees, BigDecimal::add);
                byKind.merge("explicit", fees, BigDecimal::add);
            }
            BigDecimal cost = byKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

            long won = count(d, "won");
            long withProfit = count(d, "with_profit");
            String basis = won == 0 || withProfit == won ? "profit" : withProfit == 0 ? "revenue" : "mixed";
            BigDecimal value = money(d, "value");
            BigDecimal repeat = money(d, "repeat_value");
            BigDecimal direct = value.subtract(repeat);
            long leads = count(d, "inquiries");
            BigDecimal leadValue = settings.valuePerLead().multiply(BigDecimal.valueOf(leads));
            long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
            BigDecimal brand = f.campaignId() == null && f.owner() == null
                    ? settings.brandValueMonthly().multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(30), MathContext.DECIMAL64) : BigDecimal.ZERO;
            RoiMath.Result roi = RoiMath.of(new RoiMath.Parts(direct, repeat, leadValue, brand, cost));
            BigDecimal revenue = money(d, "revenue");
            long sent = count(m, "sent");
            long recipients = count(m, "recipients");
            long conversions = count(m, "conversions");

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", f.from());
            out.put("to", f.to());
            out.put("campaignId", f.campaignId());
            out.put("owner", f.owner());
            out.put("currency", settings.currency());
            out.put("basis", basis);
            Map<String, Object> costOut = new LinkedHashMap<>();
            costOut.put("total", round2(cost));
            Map<String, Object> kinds = new LinkedHashMap<>();
            byKind.forEach((k, v) -> kinds.put(k, round2(v)));
            costOut.put("byKind", kinds);
            Map<String, Object> categories = new LinkedHashMap<>();
            byCategory.forEach((k, v) -> categories.put(k, round2(v)));
            costOut.put("byCategory", categories);
            costOut.put("messageFeesFromSends", round2(fees));
            costOut.put("billableMessages", count(m, "billable"));
            costOut.put("unpricedBillableMessages", count(m, "unpriced"));
            out.put("costs", costOut);
            Map<String, Object> valueOut = new LinkedHashMap<>();
            valueOut.put("direct", round2(direct));
            valueOut.put("repeat", round2(repeat));
            valueOut.put("leadValue", round2(leadValue));
            valueOut.put("brand", round2(brand));
            valueOut.put("total", round2(direct.add(repeat).add(leadValue).add(brand)));
            out.put("value", valueOut);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("sent", sent);
            counts.put("replied", count(m, "replied"));
            counts.put("recipients", recipients);
            counts.put("conversions", conversions);
            counts.put("orders", won);
            counts.put("repeatOrders", count(d, "repeat_won"));
            counts.put("qualifiedLeads", leads);
            counts.put("revenue", round2(revenue));
            out.put("counts", counts);
            // revenue credited to a campaign (an order's or deal's campaign, else a send inside the window) and the rest
            BigDecimal attributed = money(d, "attributed_revenue");
            out.put("attribution", Map.of("attributedRevenue", round2(attributed),
                    "unattributedRevenue", round2(revenue.subtract(attributed))));
            Map<String, KpiValue> kpis = new LinkedHashMap<>();
            kpis.put("roi", KpiCatalog.value("roi", roi.roi()));
            kpis.put("roiExtended", KpiCatalog.value("roiExtended", roi.roiExtended()));
            kpis.put("valueToCost", KpiCatalog.value("valueToCost", roi.valueToCost()));
            kpis.put("roas", KpiCatalog.value("roas", KpiMath.ratio(revenue, cost)));
            kpis.put("costPerLead", KpiCatalog.value("costPerLead", KpiMath.ratio(cost, leads)));
            kpis.put("revenuePerConversion", KpiCatalog.value("revenuePerConversion",
                    KpiMath.ratio(revenue, conversions)));
            kpis.put("revenuePerMessage", KpiCatalog.value("revenuePerMessage", KpiMath.ratio(revenue, sent)));
            kpis.put("costPerRecipient", KpiCatalog.value("costPerRecipient", KpiMath.ratio(cost, recipients)));
            kpis.put("campaignSpendReturn", KpiCatalog.value("campaignSpendReturn",
                    KpiMath.spendReturn(revenue, cost, recipients)));
            kpis.put("replyRate", KpiCatalog.value("replyRate", KpiMath.ratio(count(m, "replied"), sent)));
            out.put("roi", roi.roi());
            out.put("roiExtended", roi.roiExtended());
            out.put("valueToCost", roi.valueToCost());
            out.put("kpis", kpis);
            return out;
        });
    }

    private static Map<String, Object> values(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            map.put(row.getColumnName(i), row.getValue(i));
        }
        return map;
    }
}
