package io.chatroi.campaigns.resolution;

import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of explicit conversation resolutions. */
@ApplicationScoped
public class ResolutionRepository {

    private static final String COLUMNS = """
            id, contact_id, phone, at, resolved_by, owner, created_at, updated_at""";
    private static final String INSERT = """
            INSERT INTO conversation_resolutions (%s) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)""".formatted(COLUMNS);
    private static final String FIND = """
            SELECT %s FROM conversation_resolutions WHERE id = $1""".formatted(COLUMNS);
    private static final String CHANGED = """
            SELECT %s
             FROM conversation_resolutions
            WHERE ($1::timestamptz IS NULL OR updated_at > $1)
              AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2, $3::uuid))
            ORDER BY updated_at, id LIMIT $4""".formatted(COLUMNS);

    public Uni<Void> insert(SqlClient tx, UUID id, UUID contactId, String phone, Instant at, String by, String owner,
                            Instant now) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, contactId, phone, time(at), by, owner,
                time(now)))).replaceWithVoid();
    }

    public Uni<Optional<Resolution>> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(resolution(rows.iterator().next())));
    }

    /** Resolutions changed after {@code updatedAfter}, by (updatedAt, id), for metrics-service's sync. */
    public Uni<List<Resolution>> changed(SqlClient client, Instant updatedAfter, TimeIdCursor after, int rows) {
        return client.preparedQuery(CHANGED).execute(Tuple.from(Arrays.asList(
                updatedAfter == null ? null : time(updatedAfter), after == null ? null : time(after.at()),
                after == null ? null : after.id(), rows))).map(result -> {
                    List<Resolution> items = new ArrayList<>();
                    for (Row row : result) {
                        items.add(resolution(row));
                    }
                    return items;
                });
    }

    private static Resolution resolution(Row row) {
        return new Resolution(row.getUUID("id"), row.getUUID("contact_id"), row.getString("phone"),
                instant(row, "at"), row.getString("resolved_by"), row.getString("owner"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }
}
