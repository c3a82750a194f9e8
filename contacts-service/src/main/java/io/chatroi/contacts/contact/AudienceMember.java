package io.chatroi.contacts.contact;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** A contact as a campaign audience needs it: who, and where to send. The times only position the cursor. */
public record AudienceMember(UUID id, String phone, @JsonIgnore Instant createdAt, @JsonIgnore Instant updatedAt,
                             @JsonIgnore Instant lastInboundAt) {
}
