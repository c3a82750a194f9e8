package io.chatroi.metrics.recompute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One recompute: queued -> running -> succeeded | failed, or skipped when another replica holds the lock.
 * {@code from}/{@code to} are null until a nightly run has found its stale days.
 */
@Schema(requiredProperties = {"id", "trigger", "from", "to", "status", "progress", "step", "error", "rowsWritten",
        "requestedAt", "startedAt", "finishedAt"})
public record RecomputeRun(UUID id, @Schema(enumeration = {"api", "nightly"}) String trigger,
                           @Schema(nullable = true) LocalDate from, @Schema(nullable = true) LocalDate to,
                           @Schema(enumeration = {"queued", "running", "succeeded", "failed", "skipped"}) String status,
                           @Schema(description = "0-100") double progress,
                           @Schema(nullable = true, description = "the step running (sync, snapshots, messages, deals,"
                                   + " contacts, interactions)") String step,
                           @Schema(nullable = true) String error, @Schema(nullable = true) Long rowsWritten,
                           Instant requestedAt, @Schema(nullable = true) Instant startedAt,
                           @Schema(nullable = true) Instant finishedAt) {

    static RecomputeRun from(Row row) {
        return new RecomputeRun(row.getUUID("id"), row.getString("trigger"), row.getLocalDate("from_day"),
                row.getLocalDate("to_day"), row.getString("status"), row.getBigDecimal("progress").doubleValue(),
                row.getString("step"), row.getString("error"), row.getLong("rows_written"),
                SqlTimes.instant(row, "requested_at"), SqlTimes.instant(row, "started_at"),
                SqlTimes.instant(row, "finished_at"));
    }
}
