package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored interaction as listed per contact. */
public record Interaction(
        UUID id,
        UUID contactId,
        String direction,
        Instant at,
        @Schema(nullable = true) String text,
        @Schema(nullable = true) String messageType,
        @Schema(nullable = true) String category,
        @Schema(nullable = true) String agent,
        @Schema(nullable = true) String externalId,
        @Schema(nullable = true) String intent,
        List<String> interests,
        boolean optedOut) {
}
