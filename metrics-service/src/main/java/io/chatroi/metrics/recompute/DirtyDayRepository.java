package io.chatroi.metrics.recompute;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalDate;

/**
 * Days whose snapshots no longer match their inputs (dirty_days), so the next recompute without a range (the nightly
 * one) rebuilds them: a rate table or a settings change alters past days' numbers without any fact changing. Each
 * method runs on the client it is given, inside the caller's transaction when it is one.
 */
public final class DirtyDayRepository {

    /** How far back a change of rules reaches: the longest range a recompute covers. */
    public static final int REACH_DAYS = 366;

    /** $1 the first day to mark (or $2 days before $3, whichever is later), up to $3, the workspace's today. */
    private static final String MARK_UNTIL_TODAY = """
            INSERT INTO dirty_days (day) SELECT d::date FROM generate_series(
            greatest($1::date, $3::date - $2::int), $3::date, interval '1 day') AS d
            ON CONFLICT DO NOTHING""";

    private static final String RANGE = "SELECT min(day) AS lo, max(day) AS hi FROM dirty_days";

    private static final String CLEAR = "DELETE FROM dirty_days WHERE day BETWEEN $1 AND $2";

    private DirtyDayRepository() {
    }

    /**
     * Marks {@code from} (or {@link #REACH_DAYS} before today, whichever is later) up to today: the caller's day in the
     * workspace's zone, from its clock, not the database's date in the database's zone.
     */
    public static Uni<Void> fromUntilToday(SqlClient client, LocalDate from, LocalDate today) {
        return client.preparedQuery(MARK_UNTIL_TODAY).execute(Tuple.of(from, REACH_DAYS - 1, today)).replaceWithVoid();
    }

    /** The first and last dirty day (columns lo, hi; null when none). */
    static Uni<RowSet<Row>> range(SqlClient client) {
        return client.query(RANGE).execute();
    }

    /** The days a recompute rebuilt are clean again (in its transaction). */
    static Uni<RowSet<Row>> clear(SqlClient client, LocalDate from, LocalDate to) {
        return client.preparedQuery(CLEAR).execute(Tuple.of(from, to));
    }
}
