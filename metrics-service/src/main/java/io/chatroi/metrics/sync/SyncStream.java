package io.chatroi.metrics.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Where one fact stream's incremental pull stands. */
@Schema(requiredProperties = {"stream", "updatedAfter", "inProgress", "syncedAt", "items", "lastError"})
public record SyncStream(@Schema(enumeration = {"ad-referrals", "campaigns", "contact-merges", "contacts", "deals", "interactions", "resolutions", "sends"})
                         String stream,
                         @Schema(nullable = true, description = "the cursor: everything updated up to here is pulled")
                         Instant updatedAfter,
                         @Schema(description = "a pass stopped part-way and resumes from its page cursor")
                         boolean inProgress,
                         @Schema(nullable = true) Instant syncedAt,
                         @Schema(description = "items pulled so far, all passes") long items,
                         @Schema(nullable = true, description = "why the last pass failed; null when it succeeded")
                         String lastError) {
}
