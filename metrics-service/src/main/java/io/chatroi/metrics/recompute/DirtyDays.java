package io.chatroi.metrics.recompute;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalDate;

/**
 * Marks days whose snapshots no longer match their inputs, so the next recompute without a range (the nightly
 * one) rebuilds them: a rate table or a settings change alters past days' numbers without any fact changing.
 */
public final class DirtyDays {

    /** How far back a change of rules reaches: the longest range a recompute covers. */
    public static final int REACH_DAYS = 366;

    private DirtyDays() {
    }

    /** Marks {@code from} (or {@link #REACH_DAYS} ago, whichever is later) up to today. */
    public static Uni<Void> fromUntilToday(SqlClient client, LocalDate from) {
        return client.preparedQuery("INSERT INTO dirty_days (day) SELECT d::date FROM generate_series("
                        + "greatest($1::date, current_date - $2::int), current_date, interval '1 day') AS d"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(from, REACH_DAYS - 1)).replaceWithVoid();
    }
}
