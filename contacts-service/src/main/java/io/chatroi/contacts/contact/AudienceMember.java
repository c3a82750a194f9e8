package io.chatroi.contacts.contact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact as a campaign audience needs it: who, and where to send (the phone, else for a WhatsApp user known by
 * username alone the business-scoped user id). The times only position the cursor.
 */
public record AudienceMember(UUID id, @Schema(nullable = true) String phone, @JsonIgnore Instant createdAt,
                             @JsonIgnore Instant updatedAt, @JsonIgnore Instant lastInboundAt,
                             @Schema(nullable = true) String whatsappUserId) {
}
