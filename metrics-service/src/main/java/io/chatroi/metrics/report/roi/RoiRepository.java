package io.chatroi.metrics.report.roi;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything ROI reads for a range, in one statement of one row: the message and deal totals
 * ({@link SnapshotRepository#roiMessages}, {@link SnapshotRepository#roiDeals}), the entered costs by category and
 * kind ({@code cost_categories}, {@code cost_kinds}, {@code cost_amounts}, in that order; null when none) and the won
 * deals in another currency by currency ({@code other_currencies}, {@code other_orders}; null when none).
 */
@ApplicationScoped
public class RoiRepository {

    private final Pool pool;

    public RoiRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Row> totals(KpiService.Filter f, Settings settings) {
        SqlParams sql = new SqlParams();
        String q = "SELECT * FROM (" + SnapshotRepository.roiMessages(sql, f) + ") m, ("
                + SnapshotRepository.roiDeals(sql, f) + ") d,"
                + " (SELECT array_agg(x.category ORDER BY x.category, x.kind) AS cost_categories,"
                + " array_agg(x.kind ORDER BY x.category, x.kind) AS cost_kinds,"
                + " array_agg(x.amount ORDER BY x.category, x.kind) AS cost_amounts FROM (" + costs(sql, f) + ") x) c,"
                + " (SELECT array_agg(o.currency ORDER BY o.currency) AS other_currencies,"
                + " array_agg(o.orders ORDER BY o.currency) AS other_orders FROM (" + otherCurrencyDeals(sql, f, settings)
                + ") o) o";
        return pool.preparedQuery(q).execute(sql.tuple()).map(rows -> rows.iterator().next());
    }

    /** Entered costs of the range by category and kind, each prorated by the days of its period inside the range. */
    private static String costs(SqlParams sql, KpiService.Filter f) {
        String from = sql.bind(f.from()) + "::date";
        String to = sql.bind(f.to()) + "::date";
        StringBuilder q = new StringBuilder("SELECT c.category, c.kind, sum(c.amount * (least(c.period_end, " + to
                + ") - greatest(c.period_start, " + from + ") + 1)::numeric / (c.period_end - c.period_start + 1))"
                + " AS amount FROM costs c WHERE c.period_end >= " + from + " AND c.period_start <= " + to);
        if (f.campaignId() != null) {
            q.append(" AND c.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            q.append(" AND c.owner = ").append(sql.bind(f.owner()));
        }
        return q.append(" GROUP BY 1, 2").toString();
    }

    /** Won deals of the range in another currency than the workspace's, by currency (left out of the snapshots). */
    private static String otherCurrencyDeals(SqlParams sql, KpiService.Filter f, Settings settings) {
        String zone = sql.bind(settings.timeZone());
        String currency = sql.bind(settings.currency());
        // "<> currency" as two ranges, so f_deals_won_currency_idx (V49_1) reads only the other currencies' deals
        StringBuilder q = new StringBuilder("SELECT d.currency, count(*)::bigint AS orders FROM f_deals d"
                + " WHERE d.stage = 'won' AND (d.currency < " + currency + " OR d.currency > " + currency + ")"
                + " AND d.won_at >= (" + sql.bind(f.from()) + "::date)::timestamp AT TIME ZONE " + zone
                + " AND d.won_at < (" + sql.bind(f.to()) + "::date + 1)::timestamp AT TIME ZONE " + zone);
        if (f.campaignId() != null) {
            q.append(" AND d.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            q.append(" AND d.owner = ").append(sql.bind(f.owner()));
        }
        return q.append(" GROUP BY 1").toString();
    }
}
