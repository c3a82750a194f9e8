package io.chatroi.contacts.classification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for the trigger rules (the classification_rules table); every method runs on the client it is given. */
@ApplicationScoped
public class RuleRepository {

    /** Every rule, or those of one kind (null: all), by kind, label and phrase. */
    public Uni<List<RuleView>> list(SqlClient client, String kind) {
        return client.preparedQuery("""
                        SELECT id, kind, label, phrase, system, created_at FROM classification_rules
                        WHERE $1::text IS NULL OR kind = $1
                        ORDER BY kind, label, phrase""")
                .execute(Tuple.of(kind)).map(RuleRepository::views);
    }

    public Uni<Optional<RuleView>> find(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        SELECT id, kind, label, phrase, system, created_at FROM classification_rules
                        WHERE id = $1""")
                .execute(Tuple.of(id)).map(rows -> views(rows).stream().findFirst());
    }

    public Uni<Optional<RuleView>> findForUpdate(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        SELECT id, kind, label, phrase, system, created_at FROM classification_rules
                        WHERE id = $1 FOR UPDATE""")
                .execute(Tuple.of(id)).map(rows -> views(rows).stream().findFirst());
    }

    /** Inserts a custom rule unless the same (kind, label, phrase) exists; empty means it exists. */
    public Uni<Optional<RuleView>> insert(SqlClient client, UUID id, String kind, String label, String phrase,
                                          Instant now) {
        return client.preparedQuery("""
                        INSERT INTO classification_rules (id, kind, label, phrase, system, created_at)
                        VALUES ($1, $2, $3, $4, false, $5)
                        ON CONFLICT (kind, label, phrase) DO NOTHING
                        RETURNING id, kind, label, phrase, system, created_at""")
                .execute(Tuple.of(id, kind, label, phrase, time(now))).map(rows -> views(rows).stream().findFirst());
    }

    public Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery("DELETE FROM classification_rules WHERE id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** The rules as the classifier applies them (a rule of a kind this build does not know is left out). */
    public Uni<List<TriggerRule>> triggerRules(SqlClient client) {
        return client.query("SELECT kind, label, phrase FROM classification_rules").execute().map(rows -> {
            List<TriggerRule> rules = new ArrayList<>();
            for (Row row : rows) {
                RuleKind kind = RuleKind.fromWire(row.getString("kind"));
                if (kind != null) {
                    rules.add(new TriggerRule(kind, row.getString("label"), row.getString("phrase")));
                }
            }
            return rules;
        });
    }

    private static List<RuleView> views(RowSet<Row> rows) {
        List<RuleView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            views.add(new RuleView(row.getUUID("id"), row.getString("kind"), row.getString("label"),
                    row.getString("phrase"), row.getBoolean("system"), instant(row, "created_at")));
        }
        return views;
    }
}
