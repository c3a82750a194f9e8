package io.chatroi.metrics.report.outcome;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.report.GroupBySql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;

import static io.chatroi.common.sql.SqlTemplate.fill;

/**
 * Conversation outcomes from metrics' copy of the interactions: only turns count (a reaction or a system notice
 * neither asks nor answers), as in the conversation snapshots.
 */
@ApplicationScoped
public class OutcomeRepository {

    /**
     * Contacts whose last turn since {since} is inbound and older than {cutoff} ({owner_filter} empty or one owner's):
     * "FROM ... h" with columns contact_id, owner, last_inbound_at, last_id. A contact's last turn since an instant is
     * its last turn at all when it is later, so the scan reads only that window.
     */
    private static final String HANGING = """
            FROM (SELECT l.contact_id, c.owner, l.at AS last_inbound_at FROM (SELECT DISTINCT ON (i.contact_id)
              i.contact_id, i.direction, i.at FROM f_interactions i WHERE i.turn AND i.at >= {since}
              ORDER BY i.contact_id, i.at DESC, i.id DESC) l
            LEFT JOIN f_contacts c ON c.id = l.contact_id
            WHERE l.direction = 'inbound' AND l.at < {cutoff}{owner_filter}) h""";
    private static final String HANGING_OWNER = " AND c.owner = {owner}";

    /** {after}: empty or the keyset condition of the page after a cursor. */
    private static final String HANGING_PAGE = """
            SELECT h.contact_id, h.owner, h.last_inbound_at,
              (SELECT min(j.at) FROM f_interactions j WHERE j.contact_id = h.contact_id AND j.turn
              AND j.direction = 'inbound' AND j.at > coalesce((SELECT max(o.at) FROM f_interactions o
              WHERE o.contact_id = h.contact_id AND o.turn AND o.direction = 'outbound'), '-infinity'))
              AS waiting_since {hanging}{after}
            ORDER BY h.last_inbound_at DESC, h.contact_id DESC LIMIT {limit}""";
    private static final String AFTER = " WHERE (h.last_inbound_at, h.contact_id) < ({at}, {id})";

    private static final String HANGING_BY_OWNER = """
            SELECT h.owner, count(*)::bigint AS hanging {hanging} GROUP BY h.owner ORDER BY 2 DESC, 1""";

    /**
     * {lower}..{upper} the range, {zone} the time zone, {owner_filter} empty or one owner's, {key} the group's key
     * over t.
     */
    private static final String RESOLUTION_TIMES = """
            WITH ev AS (SELECT d.contact_id, coalesce(d.owner, c.owner) AS owner,
              coalesce(d.won_at, d.lost_at) AS at FROM f_deals d LEFT JOIN f_contacts c ON c.id = d.contact_id
              WHERE d.stage IN ('won', 'lost') AND coalesce(d.won_at, d.lost_at) >= {lower}
              AND coalesce(d.won_at, d.lost_at) < {upper}
              UNION ALL SELECT x.contact_id, coalesce(c.owner, x.owner), x.at FROM f_resolutions x
              LEFT JOIN f_contacts c ON c.id = x.contact_id WHERE x.at >= {lower} AND x.at < {upper}),
            m AS (SELECT i.contact_id, i.at, i.direction, CASE WHEN lag(i.at) OVER w IS NULL
              OR i.at - lag(i.at) OVER w > interval '24 hours' THEN 1 ELSE 0 END AS starts
              FROM f_interactions i WHERE i.turn AND i.at < {upper}
              AND i.contact_id IN (SELECT contact_id FROM ev) WINDOW w AS (PARTITION BY i.contact_id
              ORDER BY i.at, i.id)),
            r AS (SELECT m.*, sum(starts) OVER (PARTITION BY contact_id ORDER BY at
              ROWS UNBOUNDED PRECEDING) AS run FROM m),
            t AS (SELECT DISTINCT ON (e.contact_id, lb.run) (e.at AT TIME ZONE {zone}
              )::date AS day, e.owner, extract(epoch FROM e.at - fi.first_in) AS seconds FROM ev e
              JOIN LATERAL (SELECT r.run, r.at FROM r WHERE r.contact_id = e.contact_id AND r.at <= e.at
                ORDER BY r.at DESC LIMIT 1) lb ON e.at - lb.at <= interval '24 hours'
              JOIN LATERAL (SELECT min(r.at) AS first_in FROM r WHERE r.contact_id = e.contact_id
                AND r.run = lb.run AND r.direction = 'inbound' AND r.at <= e.at) fi ON fi.first_in IS NOT NULL
              {owner_filter}
              ORDER BY e.contact_id, lb.run, e.at)
            SELECT {key} AS k, count(*)::bigint AS resolutions,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY t.seconds) AS median_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY t.seconds) AS p90_s
            FROM t GROUP BY 1 ORDER BY 1""";
    private static final String EVENT_OWNER = "WHERE e.owner = {owner}";

    private final Pool pool;

    public OutcomeRepository(Pool pool) {
        this.pool = pool;
    }

    private static String hanging(SqlParams sql, Instant since, Instant cutoff, String owner) {
        String from = sql.bind(since.atOffset(ZoneOffset.UTC));
        String to = sql.bind(cutoff.atOffset(ZoneOffset.UTC));
        String ownerFilter = owner == null ? "" : fill(HANGING_OWNER, "owner", sql.bind(owner));
        return fill(HANGING, "since", from, "cutoff", to, "owner_filter", ownerFilter);
    }

    /** A page of them, newest last message first, each with the first message since the last answer. */
    public Uni<RowSet<Row>> hangingPage(Instant since, Instant cutoff, String owner, TimeIdCursor after, int rows) {
        SqlParams sql = new SqlParams();
        String hanging = hanging(sql, since, cutoff, owner);
        String page = after == null ? "" : fill(AFTER, "at", sql.bind(after.at().atOffset(ZoneOffset.UTC)),
                "id", sql.bind(after.id()));
        return pool.preparedQuery(fill(HANGING_PAGE, "hanging", hanging, "after", page, "limit",
                Integer.toString(rows))).execute(sql.tuple());
    }

    /**
     * Resolutions in [from, to) with their time, by the group's key (columns k, resolutions, median_s, p90_s). A
     * resolution is an explicit one (campaign-service's, by an agent or an integrator) or a deal won or lost, while a
     * conversation is open (its last message before the event is at most 24 h old); its time runs from that
     * conversation's first inbound message (a run of turns with no gap > 24 h). A conversation resolved more than
     * once counts once, at its first resolution in the range.
     */
    public Uni<RowSet<Row>> resolutionTimes(Instant from, Instant to, String zone, String owner, GroupBy groupBy) {
        // resolutions know their owner and day, nothing else
        String key = GroupBySql.key(groupBy, false, false, true, false);
        SqlParams sql = new SqlParams();
        String lower = sql.bind(from.atOffset(ZoneOffset.UTC));
        String upper = sql.bind(to.atOffset(ZoneOffset.UTC));
        String zoneId = sql.bind(zone);
        String ownerFilter = owner == null ? "" : fill(EVENT_OWNER, "owner", sql.bind(owner));
        return pool.preparedQuery(fill(RESOLUTION_TIMES, "lower", lower, "upper", upper, "zone", zoneId,
                "owner_filter", ownerFilter, "key", key)).execute(sql.tuple());
    }

    /** How many per owner (column owner, hanging), most first. */
    public Uni<RowSet<Row>> hangingByOwner(Instant since, Instant cutoff, String owner) {
        SqlParams sql = new SqlParams();
        return pool.preparedQuery(fill(HANGING_BY_OWNER, "hanging", hanging(sql, since, cutoff, owner)))
                .execute(sql.tuple());
    }
}
