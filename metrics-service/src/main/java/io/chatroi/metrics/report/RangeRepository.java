package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.sync.ContactAds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The report reads that no sum of daily rows can give: the unique recipients of a range that spans several
 * campaigns (a contact in two campaigns, or messaged on two days, is one recipient), and the median of a range's
 * response times. Like {@link SnapshotRepository}, each yields column {@code k} (the group key).
 */
@ApplicationScoped
public class RangeRepository {

    private final Pool pool;

    public RangeRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Whether a row of this report spans several campaigns; when it does not, the snapshots' recipients are already
     * unique (one send per contact and campaign).
     */
    public static boolean spansCampaigns(KpiService.Filter f, GroupBy g) {
        return f.campaignId() == null && g != GroupBy.CAMPAIGN && g != GroupBy.VARIANT;
    }

    /** Unique recipients (column {@code recipients}) of the sends that went out in the range, by the group's key. */
    public Uni<RowSet<Row>> recipients(KpiService.Filter f, GroupBy g, ZoneId zone) {
        SqlParams sql = new SqlParams();
        String q = "SELECT " + g.key(true, true, true, true) + " AS k, count(DISTINCT t.recipient)::bigint AS recipients"
                + sentInRange(sql, f, zone, g == GroupBy.AD) + " GROUP BY 1";
        return pool.preparedQuery(q).execute(sql.tuple());
    }

    /** The same count for the whole range, as a scalar subquery for a statement that binds through {@code sql}. */
    public static String recipientsOfRange(SqlParams sql, KpiService.Filter f, ZoneId zone) {
        return "(SELECT count(DISTINCT t.recipient)" + sentInRange(sql, f, zone, false) + ")";
    }

    /**
     * " FROM (...) t WHERE ...": the sends that went out in the range with the dimensions the snapshots give them
     * (day in the workspace zone, the contact's owner else the campaign's, the contact's country else the send's,
     * and its first ad when {@code withAd}).
     */
    private static String sentInRange(SqlParams sql, KpiService.Filter f, ZoneId zone, boolean withAd) {
        String lower = sql.bind(start(f.from(), zone));
        String upper = sql.bind(start(f.to().plusDays(1), zone));
        String zoneId = sql.bind(zone.getId());
        StringBuilder q = new StringBuilder(" FROM (SELECT (s.at AT TIME ZONE " + zoneId + ")::date AS day,"
                + " s.campaign_id, s.variant, coalesce(c.owner, cp.owner) AS owner,"
                + " coalesce(c.country, s.country) AS country, c.source,"
                + " coalesce(s.contact_id::text, s.phone) AS recipient" + (withAd ? ", a.ad_id" : "")
                + " FROM f_sends s LEFT JOIN f_contacts c ON c.id = s.contact_id"
                + " LEFT JOIN f_campaigns cp ON cp.id = s.campaign_id"
                + (withAd ? " LEFT JOIN " + ContactAds.FIRST_AD + " a ON a.contact_id = s.contact_id" : "")
                + " WHERE s.sent_at IS NOT NULL AND s.at >= " + lower + " AND s.at < " + upper);
        if (f.campaignId() != null) {
            q.append(" AND s.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        q.append(") t");
        if (f.owner() != null) {
            q.append(" WHERE t.owner = ").append(sql.bind(f.owner()));
        }
        return q.toString();
    }

    /** The median of the range's response times in seconds (column {@code response_median_s}), by the group's key. */
    public Uni<RowSet<Row>> medianResponseTimes(KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return Uni.createFrom().nullItem();
        }
        SqlParams sql = new SqlParams();
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
        SqlParams sql = new SqlParams();
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

    private static java.time.OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
    }
}
