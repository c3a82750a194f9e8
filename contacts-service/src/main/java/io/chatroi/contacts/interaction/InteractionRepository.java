package io.chatroi.contacts.interaction;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.common.sql.SqlTimes;
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
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of interactions: recording one (once per external id), its effect on the contact, and the listings. */
@ApplicationScoped
public class InteractionRepository {

    /** Returns the id, or nothing when the external id was recorded before. */
    private static final String INSERT = """
            INSERT INTO interactions (id, contact_id, direction, at, text, message_type,
                                      category, agent, external_id, intent, interests, opted_out)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (external_id) DO NOTHING RETURNING id""";

    /**
     * $2 inbound, $3 the message time, $4 stage, $5 intent, $6 whether the intent changed, $7 an opt-out, $8 now,
     * $9 an explicit opt-in (optOut false). The last inbound and outbound times only move forward.
     */
    private static final String APPLY_TO_CONTACT = """
            UPDATE contacts SET
                   last_inbound_at = CASE WHEN $2 THEN greatest(last_inbound_at, $3) ELSE last_inbound_at END,
                   last_outbound_at = CASE WHEN $2 THEN last_outbound_at ELSE greatest(last_outbound_at, $3) END,
                   stage = $4, intent = $5, intent_at = CASE WHEN $6 THEN $3 ELSE intent_at END,
                   opted_out = (opted_out OR $7) AND NOT $9, opted_out_at = CASE WHEN $9 THEN NULL
                   WHEN $7 AND NOT opted_out THEN $3 ELSE opted_out_at END, updated_at = $8 WHERE id = $1""";

    // the interaction an Idempotency-Key recorded (by id), or else the one with the same externalId
    private static final String RECORDED = """
            SELECT id, contact_id, direction, at, intent, interests, opted_out FROM interactions
             WHERE id = $1 OR external_id = $2 LIMIT 1""";

    // a contact's interactions, newest first; the keyset after a cursor is optional
    private static final String OF_CONTACT = """
            SELECT * FROM interactions WHERE contact_id = $1""";
    private static final String OF_CONTACT_BEFORE = """

               AND (at, id) < ($2, $3)""";
    private static final String OF_CONTACT_ORDER = """

             ORDER BY at DESC, id DESC LIMIT %d""";

    // every interaction, by recording time, for incremental sync; both filters are optional
    private static final String ALL = """
            SELECT id, contact_id, direction, at, message_type, category, agent, intent, opted_out, created_at
             FROM interactions""";
    private static final String ALL_WHERE = """

             WHERE %s""";
    private static final String ALL_CREATED_AFTER = "created_at > %s";
    private static final String ALL_AFTER = "(created_at, id) > (%s, %s)";
    private static final String ALL_ORDER = """

             ORDER BY created_at, id LIMIT %d""";

    /** Inserts the interaction unless its external id exists; false for a duplicate. */
    public Uni<Boolean> insert(SqlClient tx, UUID id, UUID contactId, InteractionInput input, String intent,
                               List<String> interests, boolean optOut) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(id, contactId, input.direction(), time(input.at()), input.text(),
                        input.messageType(), input.category(), input.agent(), input.externalId(), intent,
                        interests.toArray(String[]::new), optOut)))
                .map(inserted -> inserted.rowCount() > 0);
    }

    /** What an interaction changes on its contact: last message times, stage, intent and opt-out. */
    public record ContactEffect(boolean inbound, Instant at, String stage, String intent, boolean intentChanged,
                                boolean optOut, boolean optIn) {
    }

    public Uni<Void> applyToContact(SqlClient tx, UUID contactId, ContactEffect effect, Instant now) {
        return tx.preparedQuery(APPLY_TO_CONTACT)
                .execute(Tuple.from(Arrays.asList(contactId, effect.inbound(), time(effect.at()), effect.stage(),
                        effect.intent(), effect.intentChanged(), effect.optOut(), time(now), effect.optIn())))
                .replaceWithVoid();
    }

    /** The interaction recorded with id {@code keyed}, or else the one with {@code externalId}; empty when neither. */
    public Uni<Optional<Row>> findRecorded(SqlClient tx, UUID keyed, String externalId) {
        return tx.preparedQuery(RECORDED).execute(Tuple.of(keyed, externalId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
    }

    /** A page of a contact's interactions, newest first, one row more than {@code limit}. */
    public Uni<List<Interaction>> ofContact(SqlClient client, UUID contactId, TimeIdCursor before, int limit) {
        List<Object> params = new ArrayList<>(List.of(contactId));
        StringBuilder sql = new StringBuilder(OF_CONTACT);
        if (before != null) {
            params.add(time(before.at()));
            params.add(before.id());
            sql.append(OF_CONTACT_BEFORE);
        }
        sql.append(OF_CONTACT_ORDER.formatted(limit + 1));
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(InteractionRepository::interactions);
    }

    /** A page of every interaction recorded after {@code createdAfter}, by (created_at, id), one row more. */
    public Uni<List<SyncedInteraction>> all(SqlClient client, Instant createdAfter, TimeIdCursor after, int limit) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        if (createdAfter != null) {
            where.add(ALL_CREATED_AFTER.formatted(params.bind(createdAfter)));
        }
        if (after != null) {
            where.add(ALL_AFTER.formatted(params.bind(after.at()), params.bind(after.id())));
        }
        StringBuilder sql = new StringBuilder(ALL);
        if (!where.isEmpty()) {
            sql.append(ALL_WHERE.formatted(String.join(" AND ", where)));
        }
        sql.append(ALL_ORDER.formatted(limit + 1));
        return client.preparedQuery(sql.toString()).execute(params.tuple()).map(rows -> {
            List<SyncedInteraction> items = new ArrayList<>();
            for (Row row : rows) {
                Instant created = SqlTimes.instant(row, "created_at");
                items.add(new SyncedInteraction(row.getUUID("id"), row.getUUID("contact_id"),
                        row.getString("direction"), SqlTimes.instant(row, "at"), row.getString("message_type"),
                        row.getString("category"), row.getString("agent"), row.getString("intent"),
                        row.getBoolean("opted_out"), created, created));
            }
            return items;
        });
    }

    private static List<Interaction> interactions(RowSet<Row> rows) {
        List<Interaction> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(new Interaction(row.getUUID("id"), row.getUUID("contact_id"), row.getString("direction"),
                    SqlTimes.instant(row, "at"), row.getString("text"), row.getString("message_type"),
                    row.getString("category"), row.getString("agent"), row.getString("external_id"),
                    row.getString("intent"), Arrays.asList(row.getArrayOfStrings("interests")),
                    row.getBoolean("opted_out"), chatOrder(row), row.getString("flow_response")));
        }
        return items;
    }

    private static ChatOrder chatOrder(Row row) {
        io.vertx.core.json.JsonObject order = row.getJsonObject("chat_order");
        return order == null ? null : order.mapTo(ChatOrder.class);
    }

    /** Keeps an inbound message's order and Flow reply with its interaction. */
    public Uni<Void> keepDetails(SqlClient tx, UUID interactionId, JsonObject order, String flowResponse) {
        return tx.preparedQuery("""
                        UPDATE interactions SET chat_order = $2, flow_response = $3 WHERE id = $1""")
                .execute(Tuple.of(interactionId, order, flowResponse)).replaceWithVoid();
    }
}
