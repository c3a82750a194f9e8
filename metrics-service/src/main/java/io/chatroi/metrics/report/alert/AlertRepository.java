package io.chatroi.metrics.report.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of the live alerts, over the synced facts, the recompute runs and the sync cursors. */
@ApplicationScoped
public class AlertRepository {

    /** All live contacts, and those with an inbound message since $1. */
    private static final String ACTIVITY = """
            SELECT count(*)::bigint AS contacts, count(*) FILTER (WHERE last_inbound_at >= $1)::bigint AS high
              FROM f_contacts WHERE NOT erased""";

    /** Failed sends by error code: since $1 (the last day), and in the week before it (from $2). */
    private static final String FAILURES = """
            SELECT error_code, count(*) FILTER (WHERE at >= $1)::bigint AS last_day,
                   count(*) FILTER (WHERE at < $1)::bigint AS before
              FROM f_sends WHERE at >= $2
               AND (status = 'failed' OR delivery = 'failed') AND error_code IS NOT NULL GROUP BY error_code""";

    /** Campaigns sending since before $1 whose sends have not changed since $1. */
    private static final String STALLED = """
            SELECT c.id, c.name, max(s.updated_at) AS last_change
              FROM f_campaigns c LEFT JOIN f_sends s ON s.campaign_id = c.id WHERE c.status = 'sending'
               AND coalesce(c.launched_at, c.updated_at) < $1
             GROUP BY c.id, c.name HAVING coalesce(max(s.updated_at), '-infinity') < $1""";

    private static final String LAST_NIGHTLY = """
            SELECT status, requested_at, error FROM recompute_runs WHERE trigger = 'nightly'
             ORDER BY requested_at DESC LIMIT 1""";

    private static final String FAILED_STREAMS = """
            SELECT stream, last_error FROM sync_cursors WHERE last_error IS NOT NULL""";

    /** One row: contacts, high. */
    public Uni<RowSet<Row>> activity(SqlClient client, Instant since) {
        return client.preparedQuery(ACTIVITY).execute(Tuple.of(time(since)));
    }

    /** Rows of error_code, last_day (failures since {@code since}), before (failures from {@code from} to since). */
    public Uni<RowSet<Row>> failures(SqlClient client, Instant since, Instant from) {
        return client.preparedQuery(FAILURES).execute(Tuple.of(time(since), time(from)));
    }

    /** Rows of id, name, last_change. */
    public Uni<RowSet<Row>> stalled(SqlClient client, Instant unchangedSince) {
        return client.preparedQuery(STALLED).execute(Tuple.of(time(unchangedSince)));
    }

    /** At most one row: status, requested_at, error. */
    public Uni<RowSet<Row>> lastNightly(SqlClient client) {
        return client.query(LAST_NIGHTLY).execute();
    }

    /** Rows of stream, last_error. */
    public Uni<RowSet<Row>> failedStreams(SqlClient client) {
        return client.query(FAILED_STREAMS).execute();
    }
}
