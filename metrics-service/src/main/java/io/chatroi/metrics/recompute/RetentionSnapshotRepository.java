package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTemplate;
import io.chatroi.metrics.report.RetentionRepository;

import java.util.List;

/**
 * Keeps snap_retention (V40_2): retention at the end of each day, for all owners and per owner, counted with the
 * activity window $8 in the time zone $3, after the other steps so the day's contact turns are already rebuilt.
 *
 * <p>Retention at a day's end is a state, not a sum: a fact of day x (a deal won, an inbound message, a send read)
 * changes the row of x and of every later day. So a recompute of days $1..$2 rewrites the rows of $1..$2 and of every
 * later day that has a row (the rows a report can read; days after $2 without a row are written when a recompute
 * reaches them), and no earlier day: a fact changes no day before its own. Each day is one evaluation of the same
 * counts the report makes for a range that reaches today ({@link RetentionRepository}), with all owners grouped in it.
 *
 * <p>The setting: rows record the activity window and the day's end they were counted with, and the report reads
 * only rows that match its settings; a change of activityDays or of the time zone marks the days dirty (as for every
 * snapshot), so the nightly recompute rewrites them, and until then the report counts directly: exact either way.
 */
final class RetentionSnapshotRepository {

    private static final String END = "r.end_at";
    private static final String SINCE = "(r.end_at - $8::int * interval '24 hours')";

    /** The days to rewrite: $1..$2 and every later day with a row. */
    static final String DAYS = """
            CREATE TEMP TABLE tmp_retention_days ON COMMIT DROP AS
            SELECT d::date AS day, ((d::date + 1)::timestamp AT TIME ZONE $3) AS end_at
            FROM generate_series($1::date, greatest($2::date, (SELECT max(day) FROM snap_retention)),
              interval '1 day') AS d""";

    static final String CLEAR = "DELETE FROM snap_retention WHERE day IN (SELECT day FROM tmp_retention_days)";

    /** Per day, the owners' rows (contacts without an owner only in the all-owners row: no filter can pick them). */
    static final String COUNT = SqlTemplate.fill("""
            INSERT INTO snap_retention (day, end_at, activity_days, all_owners, owner, customers,
              active, retainable, churned)
            SELECT r.day, r.end_at, $8, c.all_owners, c.owner, c.customers, c.active, c.retainable, c.churned
            FROM tmp_retention_days r CROSS JOIN LATERAL ({counts}) c
            WHERE c.all_owners OR c.owner IS NOT NULL""",
            "counts", RetentionRepository.counts(END, "r.day", SINCE, null, true));

    static final List<String> STATEMENTS = List.of(DAYS, CLEAR, COUNT);

    private RetentionSnapshotRepository() {
    }
}
