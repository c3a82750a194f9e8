package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored interaction as listed per contact; {@code order} is the order placed in the chat (items, total, the
 * campaign credited) and {@code flowResponse} a WhatsApp Flow's reply (its response_json text), when the message
 * carried them.
 */
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
        boolean optedOut,
        @Schema(nullable = true) ChatOrder order,
        @Schema(nullable = true, description = "a Flow's reply: nfm_reply.response_json as Meta sent it")
        String flowResponse) {
}
