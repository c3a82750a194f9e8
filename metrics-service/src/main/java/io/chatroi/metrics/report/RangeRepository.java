package io.chatroi.metrics.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The report reads that no sum of daily rows can give (besides unique recipients, {@link RecipientRepository}): the
 * median of a range's response times and retention at the range's end. Like {@link SnapshotRepository}, each yields
 * column {@code k} (the group key).
 */
@ApplicationScoped
public class RangeRepository {

    private final Pool pool;

    public RangeRepository(Pool pool) {
        this.pool = pool;
    }

    /** The median of the range's response times in seconds (column {@code response_median_s}), by the group's key. */
    public Uni<RowSet<Row>> medianResponseTimes(KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return Uni.createFrom().nullItem();
        }
        Sql sql = new Sql();
        String q = "SELECT " + key + " AS k, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.seconds)"
                + " AS response_median_s FROM snap_response_times t" + KpiService.where(sql, f, (short) -1, false, true)
                + " GROUP BY 1";
        return pool.preparedQuery(q).execute(sql.tuple());
    }

    /**
     * Retention at an instant ({@code end}): customers (a deal won before it) and how many wrote within the activity
     * window before it ({@code customers}, {@code active}); customers and deep-interaction contacts (>= 3 turns up to
     * {@code lastDay}) together ({@code retainable}), and those of them that wrote nothing in the window and left at
     * least 2 messages sent since their last one unread ({@code churned}, seed 000). One owner's, when given.
     */
    public Uni<RowSet<Row>> retention(String owner, Instant end, LocalDate lastDay, Instant activeSince) {
        Sql sql = new Sql();
        String at = sql.bind(end.atOffset(ZoneOffset.UTC));
        String since = sql.bind(activeSince.atOffset(ZoneOffset.UTC));
        String q = "WITH base AS (SELECT contact_id, bool_or(customer) AS customer FROM ("
                + "   SELECT d.contact_id, true AS customer FROM f_deals d WHERE d.stage = 'won' AND d.won_at < " + at
                + "   UNION ALL SELECT t.contact_id, false FROM snap_contact_turn_totals c"
                + "   JOIN snap_contact_turns t ON t.contact_id = c.contact_id"
                + "   WHERE c.turns >= 3 AND t.day <= " + sql.bind(lastDay) + "::date"
                + "   GROUP BY t.contact_id HAVING sum(t.turns) >= 3) u GROUP BY contact_id),"
                // MATERIALIZED: last_inbound is read by four tests below; inlined, PostgreSQL ran its subquery per test
                + " scoped AS MATERIALIZED (SELECT b.contact_id, b.customer, (SELECT max(i.at) FROM f_interactions i"
                + "   WHERE i.contact_id = b.contact_id AND i.direction = 'inbound' AND i.at < " + at + ") AS last_inbound"
                + "   FROM base b JOIN f_contacts c ON c.id = b.contact_id"
                + (owner == null ? "" : " WHERE c.owner = " + sql.bind(owner)) + ")"
                + " SELECT count(*) FILTER (WHERE customer)::bigint AS customers,"
                + "   count(*) FILTER (WHERE customer AND last_inbound >= " + since + ")::bigint AS active,"
                + "   count(*)::bigint AS retainable,"
                + "   count(*) FILTER (WHERE (last_inbound IS NULL OR last_inbound < " + since + ")"
                + "     AND (SELECT count(*) FROM f_sends s WHERE s.contact_id = k.contact_id AND s.sent_at < " + at
                + "       AND (k.last_inbound IS NULL OR s.sent_at > k.last_inbound)"
                + "       AND s.status <> 'failed' AND coalesce(s.delivery, '') <> 'failed'"
                + "       AND NOT coalesce(s.read_at < " + at + ", s.delivery = 'read', false)) >= 2)::bigint AS churned"
                + " FROM scoped k";
        return pool.preparedQuery(q).execute(sql.tuple());
    }
}
