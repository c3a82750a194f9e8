package io.chatroi.contacts.tag;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Adds and removes tags on contacts and records each change in the tag history (who, when), in the caller's
 * transaction. Adding a tag a contact has is a no-op and records nothing.
 */
@ApplicationScoped
public class TagAssignments {

    /** Fails with 400 naming {@code field} (of the tag's index) when a tag does not exist or is computed. */
    public Uni<Void> checkAssignable(SqlClient client, List<String> names, java.util.function.IntFunction<String> field) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("SELECT name FROM tags WHERE name = ANY($1)")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    for (Row row : rows) {
                        known.add(row.getString("name"));
                    }
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        String name = names.get(i);
                        if (TagNames.isComputed(name)) {
                            errors.add(new FieldError(field.apply(i),
                                    "'" + name + "' is computed from the contact's messages and cannot be assigned"));
                        } else if (!known.contains(name)) {
                            errors.add(new FieldError(field.apply(i), "tag '" + name + "' does not exist"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return null;
                });
    }

    /** Assigns tags; returns the names that were newly added. */
    public Uni<List<String>> add(SqlClient client, UUID contactId, List<String> names, String actor, Instant at) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
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

    /** Removes a tag; returns whether the contact had it. */
    public Uni<Boolean> remove(SqlClient client, UUID contactId, String name, String actor, Instant at) {
        return client.preparedQuery("""
                        WITH removed AS (
                            DELETE FROM contact_tags WHERE contact_id = $1 AND tag_name = $2 RETURNING tag_name)
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        SELECT $1, tag_name, 'removed', $3, $4 FROM removed RETURNING tag_name""")
                .execute(Tuple.of(contactId, name, time(at), actor))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Records tier moves (computed tags) in the history without storing the tier as an assignment. */
    public Uni<Void> recordTierMove(SqlClient client, UUID contactId, String fromTag, String toTag, String actor,
                                    Instant at) {
        List<Object[]> events = new ArrayList<>();
        if (fromTag != null) {
            events.add(new Object[]{fromTag, "removed"});
        }
        if (toTag != null) {
            events.add(new Object[]{toTag, "added"});
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = events.stream()
                .map(e -> Tuple.of(contactId, e[0], e[1], time(at), actor)).toList();
        return client.preparedQuery("""
                        INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                        VALUES ($1, $2, $3, $4, $5)""")
                .executeBatch(batch).replaceWithVoid();
    }
}
