package io.chatroi.gateway.auth;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTemplate.fill;
import static io.chatroi.common.sql.SqlTimes.time;

/** The gateway's API keys (api_keys): only a secret's SHA-256 is stored. Each method runs on the client given. */
final class ApiKeyRepository {

    private static final String INSERT = """
            INSERT INTO api_keys (id, name, role, owner, key_hash, key_prefix, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

    /** Newest first; {conditions} joined with AND (at least TRUE), {limit} the bound row count. */
    private static final String LIST = """
            SELECT id, name, role, owner, key_prefix, created_at, created_by, last_used_at, revoked_at
            FROM api_keys WHERE {conditions}
            ORDER BY created_at DESC, id DESC LIMIT {limit}""";
    private static final String NOT_REVOKED = "revoked_at IS NULL";
    private static final String AFTER = "(created_at, id) < ({at}, {id})";

    private static final String GET = """
            SELECT id, name, role, owner, key_prefix, created_at, created_by, last_used_at, revoked_at
            FROM api_keys WHERE id = $1""";

    /** Revoking twice keeps the first time; the hash lets this replica forget the key at once. */
    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1
            RETURNING encode(key_hash, 'hex') AS hash""";

    private static final String FIND_ACTIVE = """
            SELECT id, role, owner FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL""";

    /** Last-used times gathered in memory, written in one statement; a later time never goes back. */
    private static final String TOUCH = """
            UPDATE api_keys k SET last_used_at = greatest(k.last_used_at, u.at)
            FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at) WHERE k.id = u.id""";

    private ApiKeyRepository() {
    }

    static Uni<Void> insert(SqlClient tx, UUID id, String name, String role, String owner, byte[] hash, String prefix,
                            Instant now, String createdBy) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, name, role, owner,
                Buffer.buffer(hash), prefix, time(now), createdBy))).replaceWithVoid();
    }

    /** Up to {@code rows} keys, newest first, after the cursor when one is given. */
    static Uni<RowSet<Row>> list(SqlClient client, boolean includeRevoked, TimeIdCursor after, int rows) {
        SqlParams sql = new SqlParams();
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (!includeRevoked) {
            conditions.add(NOT_REVOKED);
        }
        if (after != null) {
            conditions.add(fill(AFTER, "at", sql.bind(time(after.at())), "id", sql.bind(after.id())));
        }
        String text = fill(LIST, "conditions", String.join(" AND ", conditions), "limit", sql.bind(rows));
        return client.preparedQuery(text).execute(sql.tuple());
    }

    static Uni<RowSet<Row>> get(SqlClient client, UUID id) {
        return client.preparedQuery(GET).execute(Tuple.of(id));
    }

    /** The revoked key's hash (hex), or no row when there is no such key. */
    static Uni<RowSet<Row>> revoke(SqlClient client, UUID id, Instant now) {
        return client.preparedQuery(REVOKE).execute(Tuple.of(id, time(now)));
    }

    /** The key with this hash unless revoked: id, role, owner. */
    static Uni<RowSet<Row>> findActive(SqlClient client, byte[] hash) {
        return client.preparedQuery(FIND_ACTIVE).execute(Tuple.of(Buffer.buffer(hash)));
    }

    static Uni<Integer> touch(SqlClient client, UUID[] ids, OffsetDateTime[] times) {
        return client.preparedQuery(TOUCH).execute(Tuple.of(ids, times)).map(RowSet::rowCount);
    }
}
