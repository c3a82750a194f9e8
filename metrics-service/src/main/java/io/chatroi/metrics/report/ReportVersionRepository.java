package io.chatroi.metrics.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The version of everything a report is built from (column {@code v}): the last successful recompute and how many
 * have succeeded, the costs' newest change and count, the settings' change. The settings row comes along (NULL
 * columns before it is first created), so a report needs no statement for it.
 */
final class ReportVersionRepository {

    // finished_at is the service clock's (a test may hold it still, replicas' clocks may differ by a little): the
    // count of successful runs makes every new success a new version even when its finished_at is not the latest

    private static final String VERSION = """
            SELECT coalesce((SELECT max(finished_at)::text || ':' || count(*) FROM recompute_runs
                              WHERE status = 'succeeded'), '')
              || '|' || coalesce((SELECT max(updated_at)::text || ':' || count(*) FROM costs), '')
              || '|' || coalesce((SELECT updated_at::text FROM settings), '') AS v, s.*
            FROM (SELECT 1) one LEFT JOIN settings s ON s.id = 1""";

    private ReportVersionRepository() {
    }

    static Uni<Row> read(SqlClient client) {
        return client.query(VERSION).execute().map(rows -> rows.iterator().next());
    }
}
