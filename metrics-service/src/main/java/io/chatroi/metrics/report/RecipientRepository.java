package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;

import static io.chatroi.common.sql.SqlTemplate.fill;

/**
 * Unique recipients of a range that spans several campaigns (a contact in two campaigns, or messaged on two days, is
 * one recipient), read from the counts the recompute keeps (snap_recipients, V40_1) instead of the range's sends.
 * A recipient counts once in [a, b] exactly when one of its send days d in [a, b] has no earlier send day at or after
 * a: its previous send day (in the same owner, country or source when the report groups or filters by them) is
 * before a, or there is none. A report's recipients take the contact's owner, country and source at recompute time,
 * as every other snapshot does. Its statements are parts of the KPI statement ({@link SnapshotRepository#joined}).
 */
public final class RecipientRepository {

    /** Values of snap_recipients.grain: GROUPING(owner, country, source) of the recompute's grouping sets. */
    static final short ALL = 7;
    static final short OWNER = 3;
    static final short COUNTRY = 5;
    static final short SOURCE = 6;
    static final short OWNER_COUNTRY = 1;
    static final short OWNER_SOURCE = 2;

    private RecipientRepository() {
    }

    /**
     * Whether a row of this report spans several campaigns; when it does not, the snapshots' recipients are already
     * unique (one send per contact and campaign).
     */
    public static boolean spansCampaigns(KpiService.Filter f, GroupBy g) {
        return f.campaignId() == null && g != GroupBy.CAMPAIGN && g != GroupBy.VARIANT;
    }

    /** {counted}: the rows of the range's days whose recipients are new to their group ({@link #counted}). */
    private static final String RECIPIENTS = "SELECT {key} AS k, sum(t.recipients)::bigint AS recipients {counted} GROUP BY 1";
    private static final String RECIPIENTS_OF_RANGE = "(SELECT coalesce(sum(t.recipients), 0) {counted})";
    private static final String COUNTED = """
            FROM snap_recipients t WHERE t.grain = {grain} AND t.day BETWEEN {from}::date AND {to}::date
              AND (t.previous_day IS NULL OR t.previous_day < {group_start}){owner_filter}""";
    private static final String OWNER_FILTER = " AND t.owner = {owner}";
    private static final String WEEK_START = "greatest({from}::date, date_trunc('week', t.day)::date)";
    private static final String MONTH_START = "greatest({from}::date, date_trunc('month', t.day)::date)";

    /** Unique recipients (column {@code recipients}) of the sends that went out in the range, by the group's key. */
    public static String recipients(SqlParams sql, KpiService.Filter f, GroupBy g) {
        return fill(RECIPIENTS, "key", GroupBySql.key(g, false, false, true, true), "counted", counted(sql, f, g));
    }

    /** The same count for the whole range, as a scalar subquery for a statement that binds through {@code sql}. */
    public static String recipientsOfRange(SqlParams sql, KpiService.Filter f) {
        return fill(RECIPIENTS_OF_RANGE, "counted", counted(sql, f, GroupBy.NONE));
    }

    /** "FROM snap_recipients t WHERE ...": the rows of the range's days whose recipients are new to their group. */
    private static String counted(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String grain = Short.toString(grain(g, f.owner() != null));
        String from = sql.bind(f.from());
        String to = sql.bind(f.to());
        String owner = f.owner() == null ? "" : fill(OWNER_FILTER, "owner", sql.bind(f.owner()));
        return fill(COUNTED, "grain", grain, "from", from, "to", to, "group_start", groupStart(g, from),
                "owner_filter", owner);
    }

    /** The grouping whose previous days apply: the report's dimension and the owner it is filtered by. */
    static short grain(GroupBy g, boolean ownerFilter) {
        return switch (g) {
            case NONE, DAY, WEEK, MONTH -> ownerFilter ? OWNER : ALL;
            case OWNER -> OWNER;
            case COUNTRY -> ownerFilter ? OWNER_COUNTRY : COUNTRY;
            case SOURCE -> ownerFilter ? OWNER_SOURCE : SOURCE;
            case CAMPAIGN, VARIANT -> throw new IllegalArgumentException("one campaign per row: " + g);
            // no ad grouping in snap_recipients: KpiService counts an ad's recipients from the range's sends
            case AD -> throw new IllegalArgumentException("counted at report time: " + g);
        };
    }

    /** The first day of a row's group within the range: a recipient counts in a group from its first day there. */
    private static String groupStart(GroupBy g, String from) {
        return switch (g) {
            case DAY -> "t.day";
            case WEEK -> fill(WEEK_START, "from", from);
            case MONTH -> fill(MONTH_START, "from", from);
            default -> from + "::date";
        };
    }
}
