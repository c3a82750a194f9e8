package io.chatroi.contacts.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One step of a contact's tier history: a tier tag (activity, intent or interest) added to or removed from the
 * contact, when and by whom ({@code system:tiering} for moves that messages or time caused). A move from one tier
 * to another is a removal and an addition at the same instant.
 */
public record TierMove(
        @Schema(description = "activity, intent or interest") String category,
        @Schema(description = "The tier tag, e.g. activity:high") String tag,
        @Schema(description = "The tier within its category, e.g. high") String tier,
        @Schema(description = "added or removed") String action,
        Instant at,
        String actor) {
}
