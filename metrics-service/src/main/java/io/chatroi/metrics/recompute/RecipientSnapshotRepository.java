package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTemplate;

import java.util.List;

/**
 * Keeps the unique-recipient snapshots (V40_1) for the recomputed days $1..$2 ($3 the workspace time zone), in the
 * recompute's transaction. A range's unique recipients are then a sum over snap_recipients instead of a
 * count(DISTINCT) over every send of the range (seconds at bench scale).
 *
 * <p>A recipient is the contact, else the phone, of a send that went out; its owner is the contact's else the
 * campaign's, its country the contact's else the send's, its source the contact's, all as they are at recompute time
 * (as in every snapshot; a later owner change shows from the next recompute of the days). Rebuilding days $1..$2 also
 * moves the previous day of each recipient's first row after $2 in every grouping, so the days of those rows are
 * re-counted too.
 */
final class RecipientSnapshotRepository {

    private static final String LOWER = "(($1::date)::timestamp AT TIME ZONE $3)";
    private static final String UPPER = "((($2::date) + 1)::timestamp AT TIME ZONE $3)";

    /** The previous day of a row in each grouping, over rows (day, recipient, owner, country, source). */
    private static final String PREVIOUS_DAYS = """
            lag(day) OVER (PARTITION BY recipient ORDER BY day) AS previous_any,
            lag(day) OVER (PARTITION BY recipient, owner ORDER BY day) AS previous_owner,
            lag(day) OVER (PARTITION BY recipient, country ORDER BY day) AS previous_country,
            lag(day) OVER (PARTITION BY recipient, source ORDER BY day) AS previous_source,
            lag(day) OVER (PARTITION BY recipient, owner, country ORDER BY day) AS previous_owner_country,
            lag(day) OVER (PARTITION BY recipient, owner, source ORDER BY day) AS previous_owner_source""";
    private static final String PREVIOUS_COLUMNS = """
            previous_any, previous_owner, previous_country, previous_source, previous_owner_country,
            previous_owner_source""";
    private static final String WAS_COLUMNS = """
            was_any, was_owner, was_country, was_source, was_owner_country, was_owner_source""";

    static final String SENDS = fill("""
            CREATE TEMP TABLE tmp_recipient_sends ON COMMIT DROP AS
            SELECT DISTINCT (s.at AT TIME ZONE $3)::date AS day, coalesce(s.contact_id::text, s.phone) AS recipient,
              coalesce(c.owner, cp.owner) AS owner, coalesce(c.country, s.country) AS country, c.source
            FROM f_sends s LEFT JOIN f_contacts c ON c.id = s.contact_id
            LEFT JOIN f_campaigns cp ON cp.id = s.campaign_id
            WHERE s.sent_at IS NOT NULL AND coalesce(s.contact_id::text, s.phone) IS NOT NULL
              AND s.at >= {lower} AND s.at < {upper}""");

    /** Recipients with a row in the days before or after the rebuild: only their later rows can move. */
    static final String TOUCHED = """
            CREATE TEMP TABLE tmp_recipients_touched ON COMMIT DROP AS
            SELECT recipient FROM snap_recipient_days WHERE day BETWEEN $1 AND $2
            UNION SELECT recipient FROM tmp_recipient_sends""";

    static final String CLEAR_DAYS = "DELETE FROM snap_recipient_days WHERE day BETWEEN $1 AND $2";

    /** The days' rows, with previous days from the recipients' earlier rows. */
    static final String DAYS = fill("""
            INSERT INTO snap_recipient_days (day, recipient, owner, country, source, {previous_columns})
            SELECT * FROM (SELECT day, recipient, owner, country, source, {previous_days}
              FROM (SELECT day, recipient, owner, country, source FROM tmp_recipient_sends
                UNION ALL SELECT d.day, d.recipient, d.owner, d.country, d.source FROM snap_recipient_days d
                WHERE d.day < $1 AND d.recipient IN (SELECT recipient FROM tmp_recipient_sends)) r) w
            WHERE day >= $1""");

    /** Rows after $2 whose previous day in some grouping is no longer what it was. */
    static final String MOVED = fill("""
            CREATE TEMP TABLE tmp_recipient_moved ON COMMIT DROP AS
            SELECT * FROM (SELECT ctid AS row_id, day, previous_any AS was_any, previous_owner AS was_owner,
              previous_country AS was_country, previous_source AS was_source,
              previous_owner_country AS was_owner_country, previous_owner_source AS was_owner_source,
              {previous_days}
              FROM snap_recipient_days d WHERE d.recipient IN (SELECT t.recipient FROM tmp_recipients_touched t
                WHERE EXISTS (SELECT 1 FROM snap_recipient_days n WHERE n.recipient = t.recipient AND n.day > $2))) w
            WHERE day > $2 AND ({was_columns}) IS DISTINCT FROM ({previous_columns})""");

    static final String MOVE = """
            UPDATE snap_recipient_days d SET previous_any = m.previous_any,
              previous_owner = m.previous_owner, previous_country = m.previous_country,
              previous_source = m.previous_source, previous_owner_country = m.previous_owner_country,
              previous_owner_source = m.previous_owner_source FROM tmp_recipient_moved m WHERE d.ctid = m.row_id""";

    private static final String COUNTED_DAYS = "day BETWEEN $1 AND $2 OR day IN (SELECT day FROM tmp_recipient_moved)";

    static final String CLEAR_COUNTS = fill("DELETE FROM snap_recipients WHERE {counted_days}");

    /** Each grouping's rows counted by day and previous day; repeats (previous day = day) never count, so go. */
    static final String COUNTS = fill("""
            INSERT INTO snap_recipients (grain, day, previous_day, owner, country, source, recipients)
            SELECT * FROM (SELECT GROUPING(owner, country, source) AS grain, day,
              CASE GROUPING(owner, country, source) WHEN 7 THEN previous_any WHEN 3 THEN previous_owner
                WHEN 5 THEN previous_country WHEN 6 THEN previous_source WHEN 1 THEN previous_owner_country
                ELSE previous_owner_source END AS previous_day, owner, country, source, count(*) AS recipients
              FROM snap_recipient_days WHERE {counted_days}
              GROUP BY GROUPING SETS ((day, previous_any), (day, owner, previous_owner),
                (day, country, previous_country), (day, source, previous_source),
                (day, owner, country, previous_owner_country), (day, owner, source, previous_owner_source))) c
            WHERE previous_day IS DISTINCT FROM day""");

    static final List<String> STATEMENTS = List.of(SENDS, TOUCHED, CLEAR_DAYS, DAYS, MOVED, MOVE, CLEAR_COUNTS,
            COUNTS);

    private RecipientSnapshotRepository() {
    }

    /** The statement with the day range's bounds and the shared column lists filled in. */
    private static String fill(String template) {
        return SqlTemplate.fill(template, "lower", LOWER, "upper", UPPER, "previous_days", PREVIOUS_DAYS,
                "previous_columns", PREVIOUS_COLUMNS, "was_columns", WAS_COLUMNS, "counted_days", COUNTED_DAYS);
    }
}
