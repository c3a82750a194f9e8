package io.chatroi.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The answer to a key creation: the only time the secret {@code key} is shown. */
public record CreatedApiKey(
        UUID id,
        String name,
        @Schema(enumeration = {"admin", "manager", "agent", "integrator", "viewer"}) String role,
        @Schema(nullable = true) String owner,
        @Schema(description = "The secret, shown this once: send it as Authorization: Bearer <key>") String key,
        String keyPrefix,
        Instant createdAt) {
}
