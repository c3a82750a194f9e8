package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A contact behind a scorecard count, as metrics' copy of the facts knows it. */
@Schema(requiredProperties = {"contactId", "owner", "country", "source", "createdAt", "acceptedAt", "referredBy",
        "turns", "at"})
public record ScorecardContact(UUID contactId,
                               @Schema(nullable = true) String owner,
                               @Schema(nullable = true) String country,
                               @Schema(nullable = true) String source,
                               @Schema(nullable = true, description = "when the contact was added") Instant createdAt,
                               @Schema(nullable = true) Instant acceptedAt,
                               @Schema(nullable = true, description = "the contact that referred it")
                               UUID referredBy,
                               @Schema(nullable = true, description = "deep interactions: its turns in the week")
                               Long turns,
                               @Schema(description = "the instant that places it in the week: when it was added (deep"
                                       + " interactions: the start of its last day with a turn)") Instant at) {

    static ScorecardContact from(Row row) {
        return new ScorecardContact(row.getUUID("id"), row.getString("owner"), row.getString("country"),
                row.getString("source"), SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "accepted_at"),
                row.getUUID("referred_by"), row.getLong("turns"), SqlTimes.instant(row, "at"));
    }
}
