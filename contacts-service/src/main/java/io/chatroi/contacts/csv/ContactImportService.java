package io.chatroi.contacts.csv;

import io.chatroi.contacts.observability.ContactsMetrics;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.contact.ContactFields;
import io.chatroi.contacts.followup.FollowUp;
import io.chatroi.contacts.followup.FollowUpPolicy;
import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * CSV import: every row is validated first, as the body streams in (on a worker thread, off the event loop), then
 * all good rows are written in one transaction with set-based statements (unnest arrays, a few thousand rows per statement), so an
 * import either lands whole or not at all. Existing phones are updated with the columns the file gives.
 */
@ApplicationScoped
public class ContactImportService {

    static final int CHUNK = 5000;
    static final String IMPORTER = "import";

    private final Pool pool;
    private final ContactsMetrics metrics;
    private final long bodyLimit;
    private final Clock clock;

    public ContactImportService(Pool pool, ContactsMetrics metrics,
                                @ConfigProperty(name = "chatroi.body-limit.bulk", defaultValue = "67108864")
                                long bodyLimit, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.metrics = metrics;
        this.bodyLimit = bodyLimit;
    }

    /**
     * Parses the body as it arrives (the caller is on a worker thread: reading blocks), then writes the good rows.
     * Only the validated rows are held, never the file: a 60 MB upload does not become a 60 MB buffer plus a
     * 120 MB string, and a row past {@link ContactCsv#MAX_ROW_CHARS} (a 10 MB cell) is skipped as it streams by and
     * rejected alone.
     */
    public Uni<ImportResult> importCsv(InputStream body, Caller caller) {
        ContactCsv.Parsed parsed = ContactCsv.parse(new InputStreamReader(new CappedStream(body, bodyLimit),
                StandardCharsets.UTF_8), "import");
        return write(parsed, caller);
    }

    private Uni<ImportResult> write(ContactCsv.Parsed parsed, Caller caller) {
        Instant now = clock.instant();
        Set<String> tagNames = new LinkedHashSet<>();
        parsed.rows().forEach(row -> tagNames.addAll(row.tags()));
        int[] counts = new int[2];
        List<String> tagsCreated = new ArrayList<>();
        return pool.withTransaction(tx -> {
            Uni<Void> chain = createMissingTags(tx, tagNames, now).invoke(tagsCreated::addAll).replaceWithVoid();
            List<ContactCsv.Row> rows = parsed.rows();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<ContactCsv.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                chain = chain.chain(() -> writeChunk(tx, chunk, caller, now).invoke(created -> {
                    counts[0] += created;
                    counts[1] += chunk.size() - created;
                }).replaceWithVoid());
            }
            return chain;
        }).map(ignored -> {
            metrics.imported(counts[0], counts[1], parsed.rejected().size());
            return new ImportResult(counts[0], counts[1], parsed.rejected(), List.copyOf(tagsCreated));
        });
    }

    private Uni<List<String>> createMissingTags(SqlClient tx, Set<String> names, Instant now) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("INSERT INTO tags (name, colour, category, description, system, created_at, updated_at)"
                        + " SELECT unnest($1::text[]), 'grey', 'custom', 'created by a CSV import', false, $2, $2"
                        + " ON CONFLICT (name) DO NOTHING RETURNING name")
                .execute(Tuple.of(names.toArray(String[]::new), time(now)))
                .map(rows -> {
                    List<String> created = new ArrayList<>();
                    rows.forEach(row -> created.add(row.getString("name")));
                    return created;
                });
    }

    /** Writes one chunk; returns how many rows were new contacts. */
    private Uni<Integer> writeChunk(SqlClient tx, List<ContactCsv.Row> chunk, Caller caller, Instant now) {
        String[] phones = chunk.stream().map(r -> r.fields().phone()).toArray(String[]::new);
        return tx.preparedQuery("SELECT id, phone FROM contacts WHERE phone = ANY($1) FOR UPDATE")
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
                            .chain(() -> assignTags(tx, chunk, ids, caller, now))
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
        return tx.preparedQuery("INSERT INTO contacts (id, phone, name, company, country, language, time_zone, source,"
                        + " owner, stage, accepted_at, opted_out, opted_out_at, attributes, follow_up_due_at,"
                        + " follow_up_reason, created_at, updated_at)"
                        + " SELECT u.*, $16, $16 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],"
                        + " $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],"
                        + " $12::bool[], $13::timestamptz[], $14::jsonb[], $15::timestamptz[], $17::text[]) AS u")
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
        return tx.preparedQuery("UPDATE contacts c SET name = coalesce(u.name, c.name),"
                        + " company = coalesce(u.company, c.company), country = coalesce(u.country, c.country),"
                        + " language = coalesce(u.language, c.language), time_zone = coalesce(u.tz, c.time_zone),"
                        + " source = coalesce(u.source, c.source), owner = coalesce(u.owner, c.owner),"
                        + " stage = coalesce(u.stage, c.stage), accepted_at = coalesce(u.accepted, c.accepted_at),"
                        + " opted_out = coalesce(u.opted_out, c.opted_out),"
                        + " opted_out_at = CASE WHEN u.opted_out IS NULL THEN c.opted_out_at"
                        + "   WHEN u.opted_out THEN coalesce(c.opted_out_at, $12) END,"
                        + " attributes = c.attributes || u.attributes, updated_at = $12"
                        + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::bool[], $13::jsonb[])"
                        + " AS u (id, name, company, country, language, tz, source, owner, stage, accepted, opted_out,"
                        + " attributes) WHERE c.id = u.id")
                .execute(Tuple.from(new Object[]{id, text[0], text[1], text[2], text[3], text[4], text[5], text[6],
                        text[7], accepted, optedOut, time(now), attributes}))
                .replaceWithVoid();
    }

    private Uni<Void> assignTags(SqlClient tx, List<ContactCsv.Row> rows, Map<ContactCsv.Row, UUID> ids,
                                 Caller caller, Instant now) {
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
        String actor = caller.actor().equals("api") ? IMPORTER : caller.actor();
        return tx.preparedQuery("WITH added AS (INSERT INTO contact_tags (contact_id, tag_name, assigned_at, assigned_by)"
                        + " SELECT u.contact_id, u.tag_name, $3, $4 FROM unnest($1::uuid[], $2::text[])"
                        + " AS u (contact_id, tag_name) ON CONFLICT DO NOTHING RETURNING contact_id, tag_name)"
                        + " INSERT INTO tag_events (contact_id, tag_name, action, at, actor)"
                        + " SELECT contact_id, tag_name, 'added', $3, $4 FROM added")
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), names.toArray(String[]::new), time(now), actor))
                .replaceWithVoid();
    }
}
