package io.chatroi.contacts.segment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for saved segments (the segments table); every method runs on the client it is given. */
@ApplicationScoped
public class SegmentRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NAME_UNIQUE = "segments_name_key";

    /** One page by name, after {@code afterName} (plus one row, to know whether another page exists). */
    public Uni<List<SegmentView>> list(SqlClient client, String afterName, int limit) {
        return client.preparedQuery("""
                        SELECT id, name, description, filter, created_at, updated_at FROM segments
                        WHERE name > $1 ORDER BY name LIMIT $2""")
                .execute(Tuple.of(afterName, limit + 1)).map(SegmentRepository::views);
    }

    public Uni<Optional<SegmentView>> find(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        SELECT id, name, description, filter, created_at, updated_at FROM segments
                        WHERE id = $1""")
                .execute(Tuple.of(id)).map(rows -> views(rows).stream().findFirst());
    }

    /** Whether a segment other than {@code except} has this name. */
    public Uni<Boolean> nameTaken(SqlClient client, String name, UUID except) {
        return client.preparedQuery("SELECT 1 FROM segments WHERE name = $1 AND id <> $2")
                .execute(Tuple.of(name, except)).map(rows -> rows.size() > 0);
    }

    /** Inserts a segment unless one has its name; empty means the name is taken. */
    public Uni<Optional<SegmentView>> insert(SqlClient client, UUID id, String name, String description,
                                             Map<String, Object> filter, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO segments (id, name, description, filter, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $5)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING id, name, description, filter, created_at, updated_at""")
                .execute(Tuple.from(Arrays.asList(id, name, description, new JsonObject(filter), time(now))))
                .map(rows -> views(rows).stream().findFirst());
    }

    /**
     * Sets the fields given (null keeps the stored value); empty when there is no such segment. A name another
     * segment took meanwhile fails with the unique index's refusal: see {@link #isNameTaken(Throwable)}.
     */
    public Uni<Optional<SegmentView>> update(SqlClient client, UUID id, String name, String description,
                                             Map<String, Object> filter, Instant now) {
        return client.preparedQuery("""
                        UPDATE segments SET name = coalesce($2, name), description = coalesce($3, description),
                            filter = coalesce($4, filter), updated_at = $5
                        WHERE id = $1
                        RETURNING id, name, description, filter, created_at, updated_at""")
                .execute(Tuple.from(Arrays.asList(id, name, description,
                        filter == null ? null : new JsonObject(filter), time(now))))
                .map(rows -> views(rows).stream().findFirst());
    }

    /**
     * Whether {@code failure} is the unique index on the name refusing a write: a rename that passed
     * {@link #nameTaken} while another rename or create to the same name was not yet committed.
     */
    public static boolean isNameTaken(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && NAME_UNIQUE.equals(pg.getConstraint());
    }

    /** Deletes the segment; false when there was none. */
    public Uni<Boolean> delete(SqlClient client, UUID id) {
        return client.preparedQuery("DELETE FROM segments WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    private static List<SegmentView> views(RowSet<Row> rows) {
        List<SegmentView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            views.add(new SegmentView(row.getUUID("id"), row.getString("name"), row.getString("description"),
                    row.getJsonObject("filter").getMap(), instant(row, "created_at"), instant(row, "updated_at")));
        }
        return views;
    }
}
