package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key support for create endpoints (a service using it has an {@code idempotency_keys} table). The key is claimed inside the create's transaction: a concurrent
 * request with the same key waits on the unique index until the first commits, then replays its result.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /**
     * Claims {@code key} for a new resource {@code newId}. Returns empty when the claim succeeded (go on and create),
     * or the id created earlier for the same key and request (replay it). The same key with another body is a 422.
     */
    public Uni<Optional<UUID>> claim(SqlClient client, String scope, String key, String requestBody, UUID newId) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        String scoped = scope + ":" + key;
        String hash = sha256(requestBody);
        return client.preparedQuery("INSERT INTO idempotency_keys (key, request_hash, resource_id) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (key) DO NOTHING RETURNING key")
                .execute(Tuple.of(scoped, hash, newId))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().item(Optional.<UUID>empty())
                        : client.preparedQuery("SELECT request_hash, resource_id FROM idempotency_keys WHERE key = $1")
                        .execute(Tuple.of(scoped))
                        .map(rows -> {
                            var row = rows.iterator().next();
                            if (!row.getString("request_hash").equals(hash)) {
                                throw new ProblemException(ProblemType.UNPROCESSABLE,
                                        "Idempotency-Key was already used with a different request body", null, null);
                            }
                            return Optional.of(row.getUUID("resource_id"));
                        }));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
