package io.chatroi.metrics.report.experiment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The experiment's reads: the campaign, its arms' sends and conversions, and the revenue credited to each send. */
@ApplicationScoped
public class ExperimentRepository {

    private static final String CAMPAIGN = """
            SELECT * FROM f_campaigns WHERE id = $1""";

    private static final String ARMS = """
            SELECT coalesce(variant, '') AS variant, sum(sent)::bigint AS sent, sum(conversions)::bigint AS conversions,
                   sum(holdout)::bigint AS holdout, sum(holdout_conversions)::bigint AS holdout_conversions
              FROM snap_messages WHERE campaign_id = $1 AND grain = 3 GROUP BY 1 ORDER BY 1""";

    /**
     * Revenue per send, read from the facts of this one campaign: each send's recipient's won deals inside the goal
     * window after it, credited to this campaign or to none, in the workspace currency ($3). Per send, because the
     * revenue test needs its spread (the sum of squares), which daily sums cannot give; the nightly rebuild stays
     * as it was. The facts change only when the sync runs, so this agrees with the snapshots of the same recompute.
     */
    private static final String REVENUE = """
            SELECT coalesce(s.variant, '') AS variant,
                   count(*) FILTER (WHERE s.sent_at IS NOT NULL AND s.status <> 'holdout') AS sends,
                   count(*) FILTER (WHERE s.sent_at IS NOT NULL AND s.status <> 'holdout' AND r.revenue > 0) AS buyers,
                   coalesce(sum(r.revenue) FILTER (WHERE s.sent_at IS NOT NULL AND s.status <> 'holdout'), 0) AS revenue,
                   coalesce(sum(r.revenue * r.revenue) FILTER (WHERE s.sent_at IS NOT NULL AND s.status <> 'holdout'),
                            0) AS squares,
                   count(*) FILTER (WHERE s.status = 'holdout') AS holdout,
                   count(*) FILTER (WHERE s.status = 'holdout' AND r.revenue > 0) AS holdout_buyers
              FROM f_sends s
              CROSS JOIN LATERAL (
                   SELECT coalesce(sum(d.order_amount), 0) AS revenue FROM f_deals d
                    WHERE d.contact_id = s.contact_id AND d.stage = 'won' AND d.won_at >= s.at
                      AND d.won_at <= s.at + make_interval(days => $2)
                      AND (d.campaign_id IS NULL OR d.campaign_id = s.campaign_id)
                      AND (d.currency IS NULL OR d.currency = $3)) r
             WHERE s.campaign_id = $1
             GROUP BY 1 ORDER BY 1""";

    /**
     * The won deals that {@link #REVENUE} leaves out because they are in another currency than the workspace's ($3):
     * counted apart, with their currencies, as the ROI report does.
     */
    private static final String OTHER_CURRENCY = """
            SELECT count(DISTINCT d.id) AS orders,
                   coalesce(array_agg(DISTINCT d.currency ORDER BY d.currency), '{}') AS currencies
              FROM f_sends s
              JOIN f_deals d ON d.contact_id = s.contact_id AND d.stage = 'won' AND d.won_at >= s.at
                   AND d.won_at <= s.at + make_interval(days => $2)
                   AND (d.campaign_id IS NULL OR d.campaign_id = s.campaign_id)
                   AND d.currency IS NOT NULL AND d.currency <> $3
             WHERE s.campaign_id = $1""";

    private final Pool pool;

    public ExperimentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Row>> campaign(UUID campaignId) {
        return pool.preparedQuery(CAMPAIGN).execute(Tuple.of(campaignId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
    }

    /** Per variant: sent, conversions, holdout, holdout_conversions (from the daily snapshots). */
    public Uni<RowSet<Row>> arms(UUID campaignId) {
        return pool.preparedQuery(ARMS).execute(Tuple.of(campaignId));
    }

    /** The won deals in another currency: orders (a count) and currencies. */
    public Uni<Row> otherCurrency(UUID campaignId, int windowDays, String currency) {
        return pool.preparedQuery(OTHER_CURRENCY).execute(Tuple.of(campaignId, windowDays, currency))
                .map(rows -> rows.iterator().next());
    }

    /** Per variant: sends, buyers, revenue, squares, holdout, holdout_buyers. */
    public Uni<RowSet<Row>> revenue(UUID campaignId, int windowDays, String currency) {
        return pool.preparedQuery(REVENUE).execute(Tuple.of(campaignId, windowDays, currency));
    }
}
