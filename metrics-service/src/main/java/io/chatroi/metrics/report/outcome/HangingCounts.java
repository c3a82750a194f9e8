package io.chatroi.metrics.report.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Conversations left hanging per owner, at {@code asOf}; owners with none are left out. */
@Schema(requiredProperties = {"asOf", "windowHours", "items"})
public record HangingCounts(Instant asOf, @Schema(description = "how long a message may wait for an answer") int windowHours,
                            List<OwnerCount> items) {

    @Schema(name = "HangingOwnerCount", requiredProperties = {"owner", "hanging"})
    public record OwnerCount(@Schema(nullable = true, description = "null: contacts without an owner") String owner,
                             long hanging) {
    }
}
