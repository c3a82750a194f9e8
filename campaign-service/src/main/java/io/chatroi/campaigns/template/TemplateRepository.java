package io.chatroi.campaigns.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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

/** SQL for message templates (the templates table); every method runs on the client it is given. */
@ApplicationScoped
public class TemplateRepository {

    private static final String NEWEST_FIRST = """
            SELECT id, name, language, category, body, content, status, status_reason, status_at, created_at,
                   updated_at
            FROM templates
            WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1, $2)
            ORDER BY created_at DESC, id DESC LIMIT $3""";

    private final ObjectMapper json;

    public TemplateRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Newest first, after the cursor (null: from the newest), plus one row to know whether another page exists. */
    public Uni<List<Template>> list(SqlClient client, TimeIdCursor after, int limit) {
        return client.preparedQuery(NEWEST_FIRST).execute(Tuple.from(Arrays.asList(
                after == null ? null : time(after.at()), after == null ? null : after.id(), limit + 1)))
                .map(this::templates);
    }

    public Uni<Optional<Template>> find(SqlClient client, UUID id) {
        return findAll(client, List.of(id)).map(found -> found.stream().findFirst());
    }

    /** The templates of these ids that exist, in no particular order. */
    public Uni<List<Template>> findAll(SqlClient client, List<UUID> ids) {
        return client.preparedQuery("""
                        SELECT id, name, language, category, body, content, status, status_reason, status_at,
                               created_at, updated_at
                        FROM templates WHERE id = ANY($1)""")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(this::templates);
    }

    /** Inserts a template unless one has its name and language; empty means they are taken. */
    public Uni<Optional<Template>> insert(SqlClient client, UUID id, String name, String language, String category,
                                          String body, TemplateContent content, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO templates (id, name, language, category, body, content, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
                        ON CONFLICT (name, language) DO NOTHING
                        RETURNING id, name, language, category, body, content, status, status_reason, status_at,
                                  created_at, updated_at""")
                .execute(Tuple.from(Arrays.asList(id, name, language, category, body,
                        new JsonObject(json.convertValue(content, Map.class)), time(now))))
                .map(rows -> templates(rows).stream().findFirst());
    }

    /** Whether any campaign, in any status, sends this template in one of its variants. */
    public Uni<Boolean> usedByCampaign(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        SELECT EXISTS (SELECT 1 FROM campaigns c, jsonb_array_elements(c.split->'variants') v
                                       WHERE v->>'templateId' = $1) AS used""")
                .execute(Tuple.of(id.toString())).map(rows -> rows.iterator().next().getBoolean("used"));
    }

    /**
     * Moves the status of the template of this name and language to what Meta reported at {@code at}; a status
     * older than the one the template has moves nothing (Meta's updates arrive out of order). Returns the ids of the
     * templates it moved.
     */
    public Uni<List<String>> moveStatus(SqlClient client, String name, String language, String status, String reason,
                                        Instant at, Instant now) {
        return client.preparedQuery("""
                        UPDATE templates SET status = $3, status_reason = $4, status_at = $5, updated_at = $6
                         WHERE name = $1 AND language = $2 AND (status_at IS NULL OR status_at <= $5)
                        RETURNING id::text AS id""")
                .execute(Tuple.from(Arrays.asList(name, language, status, reason, time(at), time(now))))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("id")));
                    return ids;
                });
    }

    public Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery("DELETE FROM templates WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private List<Template> templates(RowSet<Row> rows) {
        List<Template> templates = new ArrayList<>(rows.size());
        for (Row row : rows) {
            TemplateContent content = json.convertValue(row.getJsonObject("content").getMap(), TemplateContent.class);
            templates.add(new Template(row.getUUID("id"), row.getString("name"), row.getString("language"),
                    row.getString("category"), row.getString("body"), content, row.getString("status"),
                    row.getString("status_reason"), instant(row, "status_at"), instant(row, "created_at"),
                    instant(row, "updated_at")));
        }
        return templates;
    }
}
