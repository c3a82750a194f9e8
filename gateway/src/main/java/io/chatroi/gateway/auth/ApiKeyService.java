package io.chatroi.gateway.auth;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;

/** Creating, listing and revoking API keys (admin only: the gateway's permission table says so). */
@ApplicationScoped
public class ApiKeyService {

    private final Pool pool;
    private final KeyAuthenticator authenticator;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public ApiKeyService(Pool pool, KeyAuthenticator authenticator, IdempotencyKeys idempotency, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
    }

    /**
     * A replay of the same Idempotency-Key and body is a 409 naming the key created first: only the hash of a secret
     * is stored, so the secret itself cannot be shown twice.
     */
    public Uni<CreatedApiKey> create(ApiKeyInput input, Caller caller, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "an object with name and role is required");
        }
        Validator errors = new Validator();
        String name = input.name() == null ? null : input.name().strip();
        errors.require(name != null && !name.isEmpty() && name.length() <= 100, "name", "is required (1-100 characters)");
        TextRules.checkLine(errors, "name", name, 100);
        Role role = input.role() == null ? null : Role.parse(input.role()).orElse(null);
        errors.require(role != null, "role", "must be one of: admin, manager, agent, integrator, viewer");
        String owner = input.owner() == null || input.owner().isBlank() ? null : input.owner().strip();
        if (role == Role.AGENT) {
            errors.require(owner != null, "owner",
                    "is required for an agent key: the owner name whose contacts and deals the agent sees");
            TextRules.checkOwner(errors, "owner", owner);
        } else if (role != null) {
            errors.require(owner == null, "owner", "is only for agent keys");
        }
        errors.throwIfInvalid();
        String secret = ApiKeySecrets.generate();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return idempotency.createOnce("api-keys", idempotencyKey, input, id, tx -> ApiKeyRepository.insert(tx, id,
                        name, role.wire(), owner, ApiKeySecrets.hash(secret), ApiKeySecrets.displayPrefix(secret), now,
                        "key:" + caller.keyId()))
                .map(created -> {
                    if (!created.equals(id)) {
                        throw ProblemException.conflict("This Idempotency-Key created API key " + created
                                + " before; its secret was shown that once (revoke the key if the secret was lost)");
                    }
                    return new CreatedApiKey(id, name, role.wire(), owner, secret, ApiKeySecrets.displayPrefix(secret),
                            now);
                });
    }

    public Uni<Page<ApiKey>> list(boolean includeRevoked, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return ApiKeyRepository.list(pool, includeRevoked, cursor, limit + 1)
                .map(rows -> {
                    List<ApiKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(withRecentUse(from(row))));
                    return Page.of(keys, limit, k -> new TimeIdCursor(k.createdAt(), k.id()).encode());
                });
    }

    public Uni<ApiKey> get(UUID id) {
        return ApiKeyRepository.get(pool, id)
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("API key", id);
                    }
                    return withRecentUse(from(rows.iterator().next()));
                });
    }

    /** Revokes a key: from now on this replica refuses it; other replicas within the key cache's lifetime. */
    public Uni<Void> revoke(UUID id) {
        return ApiKeyRepository.revoke(pool, id, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("API key", id);
                    }
                    authenticator.forget(rows.iterator().next().getString("hash"));
                    return null;
                });
    }

    private ApiKey withRecentUse(ApiKey key) {
        Instant recent = authenticator.recentUse(key.id());
        return recent != null && (key.lastUsedAt() == null || recent.isAfter(key.lastUsedAt()))
                ? key.withLastUsedAt(recent) : key;
    }

    private static ApiKey from(Row row) {
        return new ApiKey(row.getUUID("id"), row.getString("name"), row.getString("role"), row.getString("owner"),
                row.getString("key_prefix"), instant(row, "created_at"), row.getString("created_by"),
                instant(row, "last_used_at"), instant(row, "revoked_at"));
    }
}
