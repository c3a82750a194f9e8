package io.chatroi.metrics.report.roi;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import static io.chatroi.common.sql.SqlTemplate.fill;

/**
 * Everything ROI reads for a range, in one statement of one row: the message and deal totals
 * ({@link SnapshotRepository#roiMessages}, {@link SnapshotRepository#roiDeals}), the entered costs by category and
 * kind ({@code cost_categories}, {@code cost_kinds}, {@code cost_amounts}, in that order; null when none) and the won
 * deals in another currency by currency ({@code other_currencies}, {@code other_orders}; null when none).
 */
@ApplicationScoped
public class RoiRepository {

    /** {messages} and {deals} the snapshot totals, {costs} and {other_currencies} the queries below. */
    private static final String TOTALS = """
            SELECT * FROM ({messages}) m, ({deals}) d,
              (SELECT array_agg(x.category ORDER BY x.category, x.kind) AS cost_categories,
              array_agg(x.kind ORDER BY x.category, x.kind) AS cost_kinds,
              array_agg(x.amount ORDER BY x.category, x.kind) AS cost_amounts FROM ({costs}) x) c,
              (SELECT array_agg(o.currency ORDER BY o.currency) AS other_currencies,
              array_agg(o.orders ORDER BY o.currency) AS other_orders FROM ({other_currencies}) o) o""";

    /** Entered costs of the range by category and kind, each prorated by the days of its period inside the range. */
    private static final String COSTS = """
            SELECT c.category, c.kind, sum(c.amount * (least(c.period_end, {to}::date)
              - greatest(c.period_start, {from}::date) + 1)::numeric / (c.period_end - c.period_start + 1)) AS amount
            FROM costs c WHERE c.period_end >= {from}::date AND c.period_start <= {to}::date{filters}
            GROUP BY 1, 2""";
    private static final String COST_CAMPAIGN = " AND c.campaign_id = {value}";
    private static final String COST_OWNER = " AND c.owner = {value}";

    /**
     * Won deals of the range in another currency than the workspace's ({currency}), by currency (left out of the
     * snapshots). "<> currency" as two ranges, so f_deals_won_currency_idx (V49_1) reads only the other currencies'
     * deals.
     */
    private static final String OTHER_CURRENCY_DEALS = """
            SELECT d.currency, count(*)::bigint AS orders FROM f_deals d
            WHERE d.stage = 'won' AND (d.currency < {currency} OR d.currency > {currency})
              AND d.won_at >= ({from}::date)::timestamp AT TIME ZONE {zone}
              AND d.won_at < ({to}::date + 1)::timestamp AT TIME ZONE {zone}{filters}
            GROUP BY 1""";
    private static final String DEAL_CAMPAIGN = " AND d.campaign_id = {value}";
    private static final String DEAL_OWNER = " AND d.owner = {value}";

    private final Pool pool;

    public RoiRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Row> totals(KpiService.Filter f, Settings settings) {
        SqlParams sql = new SqlParams();
        // bound in the order the parts appear
        String messages = SnapshotRepository.roiMessages(sql, f);
        String deals = SnapshotRepository.roiDeals(sql, f);
        String costs = costs(sql, f);
        String others = otherCurrencyDeals(sql, f, settings);
        String q = fill(TOTALS, "messages", messages, "deals", deals, "costs", costs, "other_currencies", others);
        return pool.preparedQuery(q).execute(sql.tuple()).map(rows -> rows.iterator().next());
    }

    private static String costs(SqlParams sql, KpiService.Filter f) {
        String from = sql.bind(f.from());
        String to = sql.bind(f.to());
        return fill(COSTS, "from", from, "to", to, "filters", filters(sql, f, COST_CAMPAIGN, COST_OWNER));
    }

    private static String otherCurrencyDeals(SqlParams sql, KpiService.Filter f, Settings settings) {
        String zone = sql.bind(settings.timeZone());
        String currency = sql.bind(settings.currency());
        String from = sql.bind(f.from());
        String to = sql.bind(f.to());
        return fill(OTHER_CURRENCY_DEALS, "zone", zone, "currency", currency, "from", from, "to", to,
                "filters", filters(sql, f, DEAL_CAMPAIGN, DEAL_OWNER));
    }

    /** The filter's campaign and owner as conditions ({@code campaign}, {@code owner} with placeholder {value}). */
    private static String filters(SqlParams sql, KpiService.Filter f, String campaign, String owner) {
        StringBuilder out = new StringBuilder();
        if (f.campaignId() != null) {
            out.append(fill(campaign, "value", sql.bind(f.campaignId())));
        }
        if (f.owner() != null) {
            out.append(fill(owner, "value", sql.bind(f.owner())));
        }
        return out.toString();
    }
}
