package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An interaction as the sync listing returns it (no text: metrics needs who, when and which way). Interactions are
 * never changed after they are recorded, so {@code updatedAt} is when it was recorded.
 */
public record SyncedInteraction(
        UUID id,
        UUID contactId,
        String direction,
        Instant at,
        @Schema(nullable = true) String messageType,
        @Schema(nullable = true) String category,
        @Schema(nullable = true) String agent,
        @Schema(nullable = true) String intent,
        boolean optedOut,
        Instant createdAt,
        Instant updatedAt) {
}
