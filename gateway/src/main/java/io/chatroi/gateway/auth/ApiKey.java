package io.chatroi.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: never its secret, only the first characters to recognise it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKey(
        UUID id,
        String name,
        @Schema(enumeration = {"admin", "manager", "agent", "integrator", "viewer"}) String role,
        @Schema(nullable = true) String owner,
        String keyPrefix,
        Instant createdAt,
        @Schema(nullable = true) String createdBy,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) Instant revokedAt) {

    public ApiKey withLastUsedAt(Instant lastUsed) {
        return new ApiKey(id, name, role, owner, keyPrefix, createdAt, createdBy, lastUsed, revokedAt);
    }
}
