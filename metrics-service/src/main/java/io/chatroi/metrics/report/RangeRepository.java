package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.sync.SyncRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static io.chatroi.common.sql.SqlTemplate.fill;

/**
 * The report reads that no sum of daily rows can give (besides unique recipients, {@link RecipientRepository}): the
 * median of a range's response times and retention at the range's end. Like {@link SnapshotRepository}, each yields
 * column {@code k} (the group key).
 */
@ApplicationScoped
public class RangeRepository {

    /**
     * Unique recipients of the sends that went out in the range: the sends with the dimensions the snapshots give
     * them (day in the workspace zone {zone}, the contact's owner else the campaign's, the contact's country else the
     * send's, and its first ad), {campaign_filter} and {owner_filter} empty or the report's filters.
     */
    private static final String RECIPIENTS = """
            SELECT {key} AS k, count(DISTINCT t.recipient)::bigint AS recipients
            FROM (SELECT (s.at AT TIME ZONE {zone})::date AS day, s.campaign_id, s.variant,
              coalesce(c.owner, cp.owner) AS owner, coalesce(c.country, s.country) AS country, c.source,
              coalesce(s.contact_id::text, s.phone) AS recipient, a.ad_id
              FROM f_sends s LEFT JOIN f_contacts c ON c.id = s.contact_id
              LEFT JOIN f_campaigns cp ON cp.id = s.campaign_id
              LEFT JOIN {first_ad} a ON a.contact_id = s.contact_id
              WHERE s.sent_at IS NOT NULL AND s.at >= {lower} AND s.at < {upper}{campaign_filter}) t{owner_filter}
            GROUP BY 1""";
    private static final String SEND_CAMPAIGN = " AND s.campaign_id = {campaign}";
    private static final String SEND_OWNER = " WHERE t.owner = {owner}";

    private static final String MEDIAN_RESPONSE_TIMES = """
            SELECT {key} AS k, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.seconds) AS response_median_s
            FROM snap_response_times t{where} GROUP BY 1""";

    private static final String RETENTION_AT_DAY_END = """
            SELECT * FROM snap_retention WHERE day = $1 AND end_at = $2 AND activity_days = $3
              AND (all_owners OR owner = $4) ORDER BY all_owners""";

    private static final String OWNER = "c.owner = {owner}";

    private final Pool pool;

    public RangeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Unique recipients (column {@code recipients}) of the sends that went out in the range, by the group's key. */
    public static String recipients(SqlParams sql, KpiService.Filter f, GroupBy g, ZoneId zone) {
        String key = GroupBySql.key(g, true, true, true, true);
        // bound in the order the statement has always numbered them: the range's bounds, then the zone
        String lower = sql.bind(start(f.from(), zone));
        String upper = sql.bind(start(f.to().plusDays(1), zone));
        String zoneId = sql.bind(zone.getId());
        String campaign = f.campaignId() == null ? "" : fill(SEND_CAMPAIGN, "campaign", sql.bind(f.campaignId()));
        String owner = f.owner() == null ? "" : fill(SEND_OWNER, "owner", sql.bind(f.owner()));
        return fill(RECIPIENTS, "key", key, "zone", zoneId, "first_ad", SyncRepository.FIRST_AD, "lower", lower,
                "upper", upper, "campaign_filter", campaign, "owner_filter", owner);
    }

    /** The median of the range's response times in seconds (column {@code response_median_s}), by the group's key. */
    public static String medianResponseTimes(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.key(g, false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return null;
        }
        return fill(MEDIAN_RESPONSE_TIMES, "key", key, "where", SnapshotRepository.where(sql, f, (short) -1, false, true));
    }

    /** Retention at an instant: customers, active customers, retainable contacts and churned ones among them. */
    public record Retention(long customers, long active, long retainable, long churned) {
        static Retention of(Row row) {
            return new Retention(row.getLong("customers"), row.getLong("active"), row.getLong("retainable"),
                    row.getLong("churned"));
        }
    }

    /**
     * Retention at the end of {@code day} ({@code end}, a past instant), one owner's when given: the row the
     * recompute keeps (snap_retention) when it was counted for this day end and activity window, else counted from
     * the facts. A day counted without the owner's row means the owner had no retainable contact then.
     */
    public Uni<Retention> retentionAtDayEnd(String owner, LocalDate day, Instant end, int activityDays) {
        return pool.preparedQuery(RETENTION_AT_DAY_END)
                .execute(Tuple.of(day, end.atOffset(ZoneOffset.UTC), activityDays, owner))
                .chain(rows -> {
                    Retention all = null;
                    Retention own = null;
                    for (Row row : rows) {
                        if (row.getBoolean("all_owners")) {
                            all = Retention.of(row);
                        } else {
                            own = Retention.of(row);
                        }
                    }
                    if (all == null) {
                        return retention(owner, end, day, end.minus(activityDays, ChronoUnit.DAYS));
                    }
                    Retention zero = new Retention(0, 0, 0, 0);
                    return Uni.createFrom().item(owner == null ? all : own == null ? zero : own);
                });
    }

    /** Retention at an instant ({@link RetentionRepository}), counted from the facts; one owner's, when given. */
    public Uni<Retention> retention(String owner, Instant end, LocalDate lastDay, Instant activeSince) {
        SqlParams sql = new SqlParams();
        String at = sql.bind(end.atOffset(ZoneOffset.UTC));
        String last = sql.bind(lastDay) + "::date";
        String since = sql.bind(activeSince.atOffset(ZoneOffset.UTC));
        String ownerFilter = owner == null ? null : fill(OWNER, "owner", sql.bind(owner));
        return pool.preparedQuery(RetentionRepository.counts(at, last, since, ownerFilter, false)).execute(sql.tuple())
                .map(rows -> Retention.of(rows.iterator().next()));
    }

    private static java.time.OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
    }
}
