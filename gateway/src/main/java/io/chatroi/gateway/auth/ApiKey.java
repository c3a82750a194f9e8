package io.chatroi.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret, only the first characters to recognise it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKey(UUID id, String name, String role, String owner, String keyPrefix, Instant createdAt,
                     String createdBy, Instant lastUsedAt, Instant revokedAt) {

    public ApiKey withLastUsedAt(Instant lastUsed) {
        return new ApiKey(id, name, role, owner, keyPrefix, createdAt, createdBy, lastUsed, revokedAt);
    }
}
