package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTemplate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The recompute runs (recompute_runs) and the settings and lock a run's connection takes. Each method runs on the
 * client it is given: the pool for a run's record, the run's own connection for its lock and transaction. The
 * service's clock stamps the runs (each method takes its instant), so a test holding time still sees its instant.
 */
final class RecomputeRunRepository {

    private static final String INSERT = """
            INSERT INTO recompute_runs (id, trigger, from_day, to_day, status, requested_at)
            VALUES ($1, $2, $3, $4, 'queued', $5)""";

    private static final String GET = "SELECT * FROM recompute_runs WHERE id = $1";

    private static final String RECENT = "SELECT * FROM recompute_runs ORDER BY requested_at DESC LIMIT {limit}";

    private static final String LAST_SUCCESS = """
            SELECT max(finished_at) AS at FROM recompute_runs WHERE status = 'succeeded'""";

    private static final String SET_RANGE = """
            UPDATE recompute_runs SET from_day = coalesce(from_day, $2),
              to_day = coalesce(to_day, $3) WHERE id = $1""";

    private static final String FINISH = """
            UPDATE recompute_runs SET status = 'succeeded', progress = 100, step = NULL,
              rows_written = $2, finished_at = $3 WHERE id = $1""";

    /** $7 is when: the start of a run's first running mark, the end of a run marked done ($6). */
    private static final String MARK = """
            UPDATE recompute_runs SET status = $2, progress = $3, step = $4, error = $5,
              started_at = coalesce(started_at, CASE WHEN $2 = 'running' THEN $7::timestamptz END),
              finished_at = CASE WHEN $6 THEN $7::timestamptz ELSE finished_at END WHERE id = $1""";

    private static final String WORK_MEM = "SET LOCAL work_mem = '{work_mem}'";

    /** The pool turns JIT off for short report statements; the recompute's aggregates are long enough to gain. */
    private static final String JIT_ON = "SET LOCAL jit = on";

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1) AS locked";

    private static final String UNLOCK = "SELECT pg_advisory_unlock($1)";

    private RecomputeRunRepository() {
    }

    static Uni<Void> insert(SqlClient client, UUID id, String trigger, LocalDate from, LocalDate to, Instant now) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, trigger, from, to, time(now))))
                .replaceWithVoid();
    }

    static Uni<RowSet<Row>> get(SqlClient client, UUID id) {
        return client.preparedQuery(GET).execute(Tuple.of(id));
    }

    static Uni<RowSet<Row>> recent(SqlClient client, int limit) {
        return client.query(SqlTemplate.fill(RECENT, "limit", Integer.toString(limit))).execute();
    }

    /** When the last run succeeded (column at; null when none has). */
    static Uni<RowSet<Row>> lastSuccess(SqlClient client) {
        return client.query(LAST_SUCCESS).execute();
    }

    static Uni<Void> setRange(SqlClient client, UUID id, LocalDate from, LocalDate to) {
        return client.preparedQuery(SET_RANGE).execute(Tuple.of(id, from, to)).replaceWithVoid();
    }

    static Uni<Void> finish(SqlClient client, UUID id, long rows, Instant now) {
        return client.preparedQuery(FINISH).execute(Tuple.of(id, rows, time(now))).replaceWithVoid();
    }

    static Uni<Void> mark(SqlClient client, UUID id, String status, double progress, String step, String error,
                          boolean done, Instant now) {
        return client.preparedQuery(MARK)
                .execute(Tuple.from(Arrays.asList(id, status, progress, step, error, done, time(now))))
                .replaceWithVoid();
    }

    /** The recompute transaction's settings: its work_mem ({@code workMem} checked at startup) and JIT on. */
    static Uni<Void> tuneTransaction(SqlConnection conn, String workMem) {
        return conn.query(SqlTemplate.fill(WORK_MEM, "work_mem", workMem)).execute()
                .chain(() -> conn.query(JIT_ON).execute()).replaceWithVoid();
    }

    static Uni<Boolean> tryLock(SqlConnection conn, long key) {
        return conn.preparedQuery(TRY_LOCK).execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    static Uni<Void> unlock(SqlConnection conn, long key) {
        return conn.preparedQuery(UNLOCK).execute(Tuple.of(key)).replaceWithVoid();
    }
}
