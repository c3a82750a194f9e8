package io.chatroi.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Idempotency-Key support for create endpoints (a service using it has an {@code idempotency_keys} table). The key is
 * claimed inside the create's transaction: a concurrent request with the same key waits on the unique index until the
 * first commits, then replays its result. The same key with another body is a 422.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The request header every create accepts. */
    public static final String HEADER = "Idempotency-Key";

    private static final String CLAIM = """
            INSERT INTO idempotency_keys (key, request_hash, resource_id) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO NOTHING RETURNING key""";
    private static final String EARLIER = "SELECT request_hash, resource_id FROM idempotency_keys WHERE key = $1";
    /** The id a create answered, when it is not the one claimed (an upsert that answered an existing row). */
    private static final String RECORD = "UPDATE idempotency_keys SET resource_id = $2 WHERE key = $1";

    private final ObjectMapper json;
    private final Instance<Pool> pool;

    /** The pool is looked up when a create first needs it: a module without a database never asks. */
    public IdempotencyKeys(ObjectMapper json, Instance<Pool> pool) {
        this.json = json;
        this.pool = pool;
    }

    /**
     * Claims {@code key} for a new resource {@code newId}. Returns empty when the claim succeeded (go on and create),
     * or the id created earlier for the same key and request (replay it). The same key with another body is a 422.
     */
    public Uni<Optional<UUID>> claim(SqlClient client, String scope, String key, String requestBody, UUID newId) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be at most 200 characters");
        }
        String scoped = scope + ":" + key;
        String hash = sha256(requestBody);
        return client.preparedQuery(CLAIM)
                .execute(Tuple.of(scoped, hash, newId))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().item(Optional.<UUID>empty())
                        : client.preparedQuery(EARLIER)
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

    /** The request as the key's hash sees it: its JSON tree, so field order and spacing do not matter. */
    public String canonical(Object request) {
        return String.valueOf(json.valueToTree(request));
    }

    /**
     * A create whose SQL runs on a transaction of the service's pool: the claim and {@code insert} share that
     * transaction. Answers {@code newId} once {@code insert} is done, or the id an earlier request with the same key and body
     * created (nothing is inserted then).
     */
    public Uni<UUID> createOnce(String scope, String key, Object request, UUID newId,
                                Function<SqlClient, Uni<?>> insert) {
        String body = canonical(request);
        return pool.get().withTransaction(tx -> claim(tx, scope, key, body, newId)
                .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                        : insert.apply(tx).replaceWith(newId)));
    }

    /**
     * A create on the caller's transaction {@code tx} whose write answers the id it stored, which may be an existing
     * resource's (an upsert that replaces a row): the claim, {@code write} and the record of its answer share the
     * transaction, so a second request with the same key waits for the first and then replays the id the first
     * answered, and a create that fails releases the key. Answers that id, or the earlier request's (nothing is
     * written then).
     */
    public Uni<UUID> createOnce(SqlClient tx, String scope, String key, Object request,
                                Function<SqlClient, Uni<UUID>> write) {
        UUID claimed = UUID.randomUUID();
        return claim(tx, scope, key, canonical(request), claimed)
                .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                        : write.apply(tx).call(stored -> stored.equals(claimed) || key == null || key.isBlank()
                                ? Uni.createFrom().voidItem()
                                : tx.preparedQuery(RECORD).execute(Tuple.of(scope + ":" + key, stored))));
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
