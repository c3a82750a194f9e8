package io.chatroi.contacts.tag;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * SQL for the tag catalogue (the tags table) and for tags on contacts with their history (contact_tags, tag_events);
 * every method runs on the client it is given.
 */
@ApplicationScoped
public class TagRepository {

    /** One page by name, after {@code afterName} (plus one row, to know whether another page exists). */
    public Uni<List<TagView>> list(SqlClient client, String category, String afterName, int limit) {
        return client.preparedQuery("""
                        SELECT name, colour, category, description, system, created_at, updated_at FROM tags
                        WHERE name > $1 AND ($2::text IS NULL OR category = $2)
                        ORDER BY name LIMIT $3""")
                .execute(Tuple.of(afterName, category, limit + 1)).map(TagRepository::views);
    }

    public Uni<Optional<TagView>> find(SqlClient client, String name) {
        return client.preparedQuery("""
                        SELECT name, colour, category, description, system, created_at, updated_at FROM tags
                        WHERE name = $1""")
                .execute(Tuple.of(name)).map(rows -> views(rows).stream().findFirst());
    }

    /** {@link #find}, locking the tag until the transaction ends, so an edit and a delete cannot interleave. */
    public Uni<Optional<TagView>> findForUpdate(SqlClient client, String name) {
        return client.preparedQuery("""
                        SELECT name, colour, category, description, system, created_at, updated_at FROM tags
                        WHERE name = $1 FOR UPDATE""")
                .execute(Tuple.of(name)).map(rows -> views(rows).stream().findFirst());
    }

    /** Inserts a custom tag unless one has its name; empty means the name is taken. */
    public Uni<Optional<TagView>> insert(SqlClient client, String name, String colour, String category,
                                         String description, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO tags (name, colour, category, description, system, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, false, $5, $5)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING name, colour, category, description, system, created_at, updated_at""")
                .execute(Tuple.of(name, colour, category, description, time(now)))
                .map(rows -> views(rows).stream().findFirst());
    }

    /** Sets the fields given (null keeps the stored value). */
    public Uni<TagView> update(SqlClient client, String name, String colour, String category, String description,
                               Instant now) {
        return client.preparedQuery("""
                        UPDATE tags SET colour = coalesce($2, colour), category = coalesce($3, category),
                            description = coalesce($4, description), updated_at = $5
                        WHERE name = $1
                        RETURNING name, colour, category, description, system, created_at, updated_at""")
                .execute(Tuple.from(Arrays.asList(name, colour, category, description, time(now))))
                .map(rows -> views(rows).get(0));
    }

    /** Deletes the tag, takes it off every contact and records each removal in the tag history. */
    public Uni<Void> delete(SqlClient client, String name, String actor, Instant now) {
        return client.preparedQuery("""
                        WITH removed AS (DELETE FROM contact_tags WHERE tag_name = $1 RETURNING contact_id)
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        SELECT contact_id, $1, 'removed', $2, $3 FROM removed""")
                .execute(Tuple.of(name, time(now), actor))
                .chain(() -> client.preparedQuery("DELETE FROM tags WHERE name = $1").execute(Tuple.of(name)))
                .replaceWithVoid();
    }

    private static List<TagView> views(RowSet<Row> rows) {
        List<TagView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            views.add(new TagView(row.getString("name"), row.getString("colour"), row.getString("category"),
                    row.getString("description"), row.getBoolean("system"), instant(row, "created_at"),
                    instant(row, "updated_at")));
        }
        return views;
    }

    /** Which of {@code names} exist in the catalogue. */
    public Uni<Set<String>> existing(SqlClient client, List<String> names) {
        return client.preparedQuery("""
                        SELECT name FROM tags WHERE name = ANY($1)""")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("name")));
                    return known;
                });
    }

    /** Assigns tags, recording each new one in the history; returns the names that were newly added. */
    public Uni<List<String>> assign(SqlClient client, UUID contactId, List<String> names, String actor, Instant at) {
        return client.preparedQuery("""
                        WITH added AS (
                            INSERT INTO contact_tags (contact_id, tag_name, assigned_at, assigned_by)
                            SELECT $1, unnest($2::text[]), $3, $4
                            ON CONFLICT DO NOTHING RETURNING tag_name)
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        SELECT $1, tag_name, 'added', $3, $4 FROM added RETURNING tag_name""")
                .execute(Tuple.of(contactId, names.toArray(String[]::new), time(at), actor))
                .map(rows -> {
                    List<String> added = new ArrayList<>();
                    rows.forEach(row -> added.add(row.getString("tag_name")));
                    return added;
                });
    }

    /** Removes a tag from a contact, recording it in the history; returns whether the contact had it. */
    public Uni<Boolean> unassign(SqlClient client, UUID contactId, String name, String actor, Instant at) {
        return client.preparedQuery("""
                        WITH removed AS (
                            DELETE FROM contact_tags WHERE contact_id = $1 AND tag_name = $2 RETURNING tag_name)
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        SELECT $1, tag_name, 'removed', $3, $4 FROM removed RETURNING tag_name""")
                .execute(Tuple.of(contactId, name, time(at), actor))
                .map(rows -> rows.rowCount() > 0);
    }

    /** A tag history event alone, with no assignment (a computed tag such as a tier). */
    public record TagEvent(String tagName, String action) {
    }

    public Uni<Void> recordEvents(SqlClient client, UUID contactId, List<TagEvent> events, String actor, Instant at) {
        return client.preparedQuery("""
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        VALUES ($1, $2, $3, $4, $5)""")
                .executeBatch(events.stream()
                        .map(e -> Tuple.of(contactId, e.tagName(), e.action(), time(at), actor)).toList())
                .replaceWithVoid();
    }
}
