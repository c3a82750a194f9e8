package io.chatroi.campaigns.resolution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A conversation resolved by someone's explicit act. */
@Schema(name = "ConversationResolution", requiredProperties = {"id", "contactId", "phone", "at", "by", "owner",
        "createdAt", "updatedAt"})
public record Resolution(UUID id, UUID contactId,
                         @Schema(nullable = true, description = "the contact's phone; null for a username-only user")
                         String phone,
                         @Schema(description = "when the conversation was resolved") Instant at,
                         @Schema(description = "who resolved it (an agent, an integration)") String by,
                         @Schema(nullable = true, description = "the contact's owner when it was resolved")
                         String owner,
                         Instant createdAt, Instant updatedAt) {
}
