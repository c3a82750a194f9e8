package io.chatroi.campaigns.resolution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** {@code POST /api/v1/conversations/resolutions}: whose conversation, when, by whom. */
public record ResolutionInput(
        @Schema(nullable = true, description = "the contact; give this or phone") UUID contactId,
        @Schema(nullable = true, description = "the contact's phone in an international format") String phone,
        @Schema(nullable = true, description = "when it was resolved (default now; at most 5 minutes ahead)")
        Instant at,
        @Schema(nullable = true, description = "who resolved it, 1-200 characters (default: an agent's owner name)")
        String by) {
}
