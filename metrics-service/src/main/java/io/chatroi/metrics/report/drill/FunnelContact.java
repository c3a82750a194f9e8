package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A contact of the funnel's cohort that reached a stage, as metrics' copy of the facts knows it. */
@Schema(requiredProperties = {"contactId", "owner", "country", "source", "createdAt", "acceptedAt"})
public record FunnelContact(UUID contactId,
                            @Schema(nullable = true) String owner,
                            @Schema(nullable = true) String country,
                            @Schema(nullable = true) String source,
                            @Schema(description = "when the contact was added (the cohort's day)") Instant createdAt,
                            @Schema(nullable = true) Instant acceptedAt) {

    static FunnelContact from(Row row) {
        return new FunnelContact(row.getUUID("id"), row.getString("owner"), row.getString("country"),
                row.getString("source"), SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "accepted_at"));
    }
}
