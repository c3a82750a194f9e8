package io.chatroi.contacts.csv;

import io.chatroi.contacts.contact.ContactFields;
import io.chatroi.contacts.followup.FollowUp;
import io.chatroi.contacts.followup.FollowUpPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of a CSV import, set-based (unnest arrays, a chunk of rows per statement) and run in the import's
 * transaction: missing tags, then per chunk the known phones locked, new contacts inserted, known ones updated with
 * the columns the file gave, and the tags assigned.
 */
@ApplicationScoped
public class ContactImportRepository {

    private static final String CREATE_MISSING_TAGS = """
            INSERT INTO tags (name, colour, category, description, system, created_at, updated_at)
            SELECT unnest($1::text[]), 'grey', 'custom', 'created by a CSV import', false, $2, $2
            ON CONFLICT (name) DO NOTHING RETURNING name""";

    private static final String LOCK_BY_PHONE = """
            SELECT id, phone FROM contacts WHERE phone = ANY($1) FOR UPDATE""";

    private static final String INSERT = """
            INSERT INTO contacts (id, phone, name, company, country, language, time_zone, source,
                                  owner, stage, accepted_at, opted_out, opted_out_at, attributes, follow_up_due_at,
                                  follow_up_reason, created_at, updated_at)
            SELECT u.*, $16, $16 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                                             $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
                                             $12::bool[], $13::timestamptz[], $14::jsonb[], $15::timestamptz[], $17::text[]) AS u""";

    /** Only the columns a file gave (null: keep); attributes merge into the existing ones. */
    private static final String UPDATE = """
            UPDATE contacts c SET name = coalesce(u.name, c.name),
                   company = coalesce(u.company, c.company), country = coalesce(u.country, c.country),
                   language = coalesce(u.language, c.language), time_zone = coalesce(u.tz, c.time_zone),
                   source = coalesce(u.source, c.source), owner = coalesce(u.owner, c.owner),
                   stage = coalesce(u.stage, c.stage), accepted_at = coalesce(u.accepted, c.accepted_at),
                   opted_out = coalesce(u.opted_out, c.opted_out),
                   opted_out_at = CASE WHEN u.opted_out IS NULL THEN c.opted_out_at
                     WHEN u.opted_out THEN coalesce(c.opted_out_at, $12) END,
                   attributes = c.attributes || u.attributes, updated_at = $12
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::bool[], $13::jsonb[])
                AS u (id, name, company, country, language, tz, source, owner, stage, accepted, opted_out,
                      attributes) WHERE c.id = u.id""";

    /** Assigns the tags and records each new assignment in the tag history. */
    private static final String ASSIGN_TAGS = """
            WITH added AS (INSERT INTO contact_tags (contact_id, tag_name, assigned_at, assigned_by)
                           SELECT u.contact_id, u.tag_name, $3, $4 FROM unnest($1::uuid[], $2::text[])
                               AS u (contact_id, tag_name) ON CONFLICT DO NOTHING RETURNING contact_id, tag_name)
            INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
            SELECT contact_id, tag_name, 'added', $3, $4 FROM added""";

    Uni<List<String>> createMissingTags(SqlClient tx, Set<String> names, Instant now) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery(CREATE_MISSING_TAGS)
                .execute(Tuple.of(names.toArray(String[]::new), time(now)))
                .map(rows -> {
                    List<String> created = new ArrayList<>();
                    rows.forEach(row -> created.add(row.getString("name")));
                    return created;
                });
    }

    /**
     * Writes one chunk: new phones inserted, known ones (locked) updated, tags assigned by {@code actor}; returns how
     * many rows were new contacts.
     */
    Uni<Integer> writeChunk(SqlClient tx, List<ContactCsv.Row> chunk, String actor, Instant now) {
        String[] phones = chunk.stream().map(r -> r.fields().phone()).toArray(String[]::new);
        return tx.preparedQuery(LOCK_BY_PHONE)
                .execute(Tuple.of((Object) phones))
                .chain(existingRows -> {
                    Map<String, UUID> existing = new HashMap<>();
                    for (Row row : existingRows) {
                        existing.put(row.getString("phone"), row.getUUID("id"));
                    }
                    List<ContactCsv.Row> fresh = new ArrayList<>();
                    List<ContactCsv.Row> known = new ArrayList<>();
                    Map<ContactCsv.Row, UUID> ids = new HashMap<>();
                    for (ContactCsv.Row row : chunk) {
                        UUID id = existing.get(row.fields().phone());
                        if (id == null) {
                            fresh.add(row);
                            ids.put(row, UUID.randomUUID());
                        } else {
                            known.add(row);
                            ids.put(row, id);
                        }
                    }
                    return insert(tx, fresh, ids, now)
                            .chain(() -> update(tx, known, ids, now))
                            .chain(() -> assignTags(tx, chunk, ids, actor, now))
                            .replaceWith(fresh.size());
                });
    }

    private Uni<Void> insert(SqlClient tx, List<ContactCsv.Row> rows, Map<ContactCsv.Row, UUID> ids, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] id = new UUID[n];
        String[][] text = new String[9][n];
        OffsetDateTime[] accepted = new OffsetDateTime[n];
        Boolean[] optedOut = new Boolean[n];
        OffsetDateTime[] optedOutAt = new OffsetDateTime[n];
        JsonObject[] attributes = new JsonObject[n];
        OffsetDateTime[] followUpAt = new OffsetDateTime[n];
        String[] followUpReason = new String[n];
        for (int i = 0; i < n; i++) {
            ContactCsv.Row row = rows.get(i);
            ContactFields f = row.fields();
            id[i] = ids.get(row);
            String[] values = {f.phone(), f.name(), f.company(), f.country(), f.language(), f.timeZone(), f.source(),
                    f.owner(), f.stage()};
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
            accepted[i] = time(f.acceptedAt());
            optedOut[i] = f.optedOut();
            optedOutAt[i] = f.optedOut() ? time(now) : null;
            attributes[i] = new JsonObject(f.attributes());
            Optional<FollowUp> followUp = FollowUpPolicy.next(new FollowUpPolicy.Facts(f.optedOut(), false, now,
                    null, null, null, 0, null, null));
            followUpAt[i] = followUp.map(u -> time(u.dueAt())).orElse(null);
            followUpReason[i] = followUp.map(FollowUp::reason).orElse(null);
        }
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[]{id, text[0], text[1], text[2], text[3], text[4], text[5], text[6],
                        text[7], text[8], accepted, optedOut, optedOutAt, attributes, followUpAt, time(now),
                        followUpReason}))
                .replaceWithVoid();
    }

    /** Updates only the columns the file gave; attributes merge into the existing ones. */
    private Uni<Void> update(SqlClient tx, List<ContactCsv.Row> rows, Map<ContactCsv.Row, UUID> ids, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] id = new UUID[n];
        String[][] text = new String[8][n];
        OffsetDateTime[] accepted = new OffsetDateTime[n];
        Boolean[] optedOut = new Boolean[n];
        JsonObject[] attributes = new JsonObject[n];
        for (int i = 0; i < n; i++) {
            ContactCsv.Row row = rows.get(i);
            ContactFields f = row.fields();
            Set<String> given = row.given();
            id[i] = ids.get(row);
            text[0][i] = given.contains("name") ? f.name() : null;
            text[1][i] = given.contains("company") ? f.company() : null;
            text[2][i] = given.contains("country") ? f.country() : null;
            text[3][i] = given.contains("language") ? f.language() : null;
            text[4][i] = given.contains("timeZone") ? f.timeZone() : null;
            text[5][i] = given.contains("source") ? f.source() : null;
            text[6][i] = given.contains("owner") ? f.owner() : null;
            text[7][i] = given.contains("stage") ? f.stage() : null;
            accepted[i] = given.contains("acceptedAt") ? time(f.acceptedAt()) : null;
            optedOut[i] = given.contains("optedOut") ? f.optedOut() : null;
            attributes[i] = new JsonObject(f.attributes());
        }
        return tx.preparedQuery(UPDATE)
                .execute(Tuple.from(new Object[]{id, text[0], text[1], text[2], text[3], text[4], text[5], text[6],
                        text[7], accepted, optedOut, time(now), attributes}))
                .replaceWithVoid();
    }

    private Uni<Void> assignTags(SqlClient tx, List<ContactCsv.Row> rows, Map<ContactCsv.Row, UUID> ids,
                                 String actor, Instant now) {
        List<UUID> contactIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ContactCsv.Row row : rows) {
            for (String tag : row.tags()) {
                contactIds.add(ids.get(row));
                names.add(tag);
            }
        }
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(ASSIGN_TAGS)
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), names.toArray(String[]::new), time(now), actor))
                .replaceWithVoid();
    }
}
