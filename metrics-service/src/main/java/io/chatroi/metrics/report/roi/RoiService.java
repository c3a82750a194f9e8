package io.chatroi.metrics.report.roi;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.RoiMath;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.Sums;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chatroi.metrics.report.Sums.count;
import static io.chatroi.metrics.report.Sums.money;

/**
 * ROI of a range (docs/kpis.md section 4): entered costs spread day by day plus message fees from billable sends, by
 * category and kind; value parts (direct sales, repeat orders, lead value, brand); roi, roiExtended, valueToCost and
 * the seed 004 ratios. Sales count profit where the deal records it, else revenue; {@code basis} says which. Won
 * deals in another currency than the workspace's are left out of the snapshots and counted in
 * {@code otherCurrencyDeals}.
 */
@ApplicationScoped
public class RoiService {

    private final Pool pool;
    private final SnapshotRepository snapshots;

    public RoiService(Pool pool, SnapshotRepository snapshots) {
        this.pool = pool;
        this.snapshots = snapshots;
    }

    public Uni<RoiReport> roi(KpiService.Filter f, Settings settings) {
        SqlParams costSql = new SqlParams();
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

        SqlParams otherSql = new SqlParams();
        String zone = otherSql.bind(settings.timeZone());
        StringBuilder other = new StringBuilder("SELECT d.currency, count(*)::bigint AS orders FROM f_deals d"
                + " WHERE d.stage = 'won' AND d.currency <> " + otherSql.bind(settings.currency())
                + " AND d.won_at >= (" + otherSql.bind(f.from()) + "::date)::timestamp AT TIME ZONE " + zone
                + " AND d.won_at < (" + otherSql.bind(f.to()) + "::date + 1)::timestamp AT TIME ZONE " + zone);
        if (f.campaignId() != null) {
            other.append(" AND d.campaign_id = ").append(otherSql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            other.append(" AND d.owner = ").append(otherSql.bind(f.owner()));
        }
        other.append(" GROUP BY 1 ORDER BY 1");
        int scale = Money.scale(settings.currency());

        return Uni.combine().all().unis(
                pool.preparedQuery(costs.toString()).execute(costSql.tuple()),
                snapshots.roiMessages(f), snapshots.roiDeals(f),
                pool.preparedQuery(other.toString()).execute(otherSql.tuple())).asTuple().map(t -> {
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            BigDecimal explicit = BigDecimal.ZERO;
            BigDecimal hidden = BigDecimal.ZERO;
            for (Row row : t.getItem1()) {
                BigDecimal amount = row.getBigDecimal("amount");
                byCategory.merge(row.getString("category"), amount, BigDecimal::add);
                if ("hidden".equals(row.getString("kind"))) {
                    hidden = hidden.add(amount);
                } else {
                    explicit = explicit.add(amount);
                }
            }
            Map<String, Object> m = Sums.values(t.getItem2().iterator().next());
            Map<String, Object> d = Sums.values(t.getItem3().iterator().next());
            BigDecimal fees = money(m, "message_fees");
            if (fees.signum() > 0) {
                byCategory.merge("message_fees", fees, BigDecimal::add);
                explicit = explicit.add(fees);
            }
            BigDecimal cost = explicit.add(hidden);

            long won = count(d, "won");
            long withProfit = count(d, "with_profit");
            RoiReport.Basis basis = won == 0 || withProfit == won ? RoiReport.Basis.PROFIT
                    : withProfit == 0 ? RoiReport.Basis.REVENUE : RoiReport.Basis.MIXED;
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
            BigDecimal attributed = money(d, "attributed_revenue");
            long sent = count(m, "sent");
            long recipients = count(m, "recipients");
            long conversions = count(m, "conversions");

            Map<String, BigDecimal> categories = new LinkedHashMap<>();
            byCategory.forEach((k, v) -> categories.put(k, Money.round(v, scale)));
            RoiReport.Costs costOut = new RoiReport.Costs(Money.round(cost, scale),
                    new RoiReport.ByKind(Money.round(explicit, scale), Money.round(hidden, scale)), categories,
                    Money.round(fees, scale), count(m, "billable"), count(m, "unpriced"));
            RoiReport.Value valueOut = new RoiReport.Value(Money.round(direct, scale), Money.round(repeat, scale),
                    Money.round(leadValue, scale), Money.round(brand, scale),
                    Money.round(direct.add(repeat).add(leadValue).add(brand), scale));
            RoiReport.Counts counts = new RoiReport.Counts(sent, count(m, "replied"), recipients, conversions, won,
                    count(d, "repeat_won"), leads, Money.round(revenue, scale));
            RoiReport.Kpis kpis = new RoiReport.Kpis(
                    KpiCatalog.value("roi", roi.roi()),
                    KpiCatalog.value("roiExtended", roi.roiExtended()),
                    KpiCatalog.value("valueToCost", roi.valueToCost()),
                    KpiCatalog.value("roas", KpiMath.ratio(revenue, cost)),
                    KpiCatalog.value("costPerLead", KpiMath.ratio(cost, leads)),
                    KpiCatalog.value("revenuePerConversion", KpiMath.ratio(revenue, conversions)),
                    KpiCatalog.value("revenuePerMessage", KpiMath.ratio(revenue, sent)),
                    KpiCatalog.value("costPerRecipient", KpiMath.ratio(cost, recipients)),
                    KpiCatalog.value("campaignSpendReturn", KpiMath.spendReturn(revenue, cost, recipients)),
                    KpiCatalog.value("replyRate", KpiMath.ratio(count(m, "replied"), sent)));
            long otherOrders = 0;
            List<String> otherCurrencies = new ArrayList<>();
            for (Row row : t.getItem4()) {
                otherOrders += row.getLong("orders");
                otherCurrencies.add(row.getString("currency"));
            }
            return new RoiReport(f.from(), f.to(), f.campaignId(), f.owner(), settings.currency(), basis, costOut,
                    valueOut, counts, roi.roi(), roi.roiExtended(), roi.valueToCost(), kpis,
                    new RoiReport.OtherCurrencyDeals(otherOrders, otherCurrencies),
                    new RoiReport.Attribution(Money.round(attributed, scale),
                            Money.round(revenue.subtract(attributed), scale)));
        });
    }
}
