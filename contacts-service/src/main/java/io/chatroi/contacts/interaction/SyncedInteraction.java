package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.UUID;

/**
 * An interaction as the sync listing returns it (no text: metrics needs who, when and which way). Interactions are
 * never changed after they are recorded, so {@code updatedAt} is when it was recorded.
 */
public record SyncedInteraction(UUID id, UUID contactId, String direction, Instant at, String messageType,
                                String category, String agent, String intent, boolean optedOut, Instant createdAt,
                                Instant updatedAt) {
}
