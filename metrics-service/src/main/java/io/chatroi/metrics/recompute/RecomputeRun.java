package io.chatroi.metrics.recompute;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One recompute: queued -> running -> succeeded | failed, or skipped when another replica holds the lock.
 * {@code from}/{@code to} are null until a nightly run has found its stale days.
 */
public record RecomputeRun(UUID id, String trigger, LocalDate from, LocalDate to, String status, double progress,
                           String step, String error, Long rowsWritten, Instant requestedAt, Instant startedAt,
                           Instant finishedAt) {

    static RecomputeRun from(Row row) {
        return new RecomputeRun(row.getUUID("id"), row.getString("trigger"), row.getLocalDate("from_day"),
                row.getLocalDate("to_day"), row.getString("status"), row.getBigDecimal("progress").doubleValue(),
                row.getString("step"), row.getString("error"), row.getLong("rows_written"),
                SqlTimes.instant(row, "requested_at"), SqlTimes.instant(row, "started_at"),
                SqlTimes.instant(row, "finished_at"));
    }
}
