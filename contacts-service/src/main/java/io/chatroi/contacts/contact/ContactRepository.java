package io.chatroi.contacts.contact;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.filter.ContactFilter;
import io.chatroi.contacts.filter.ContactQuery;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.contacts.followup.FollowUp;
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

/** SQL for the contacts table, over the reactive PostgreSQL client; every method runs on the client it is given. */
@ApplicationScoped
public class ContactRepository {

    private static final String FIND = """
            SELECT %s FROM contacts c WHERE c.id = $1""".formatted(ContactRow.COLUMNS);

    private static final String FIND_FOR_UPDATE = """
            SELECT %s FROM contacts c WHERE c.id = $1 FOR UPDATE""".formatted(ContactRow.COLUMNS);

    private static final String FIND_ALL = """
            SELECT %s FROM contacts c WHERE c.id = ANY($1)""".formatted(ContactRow.COLUMNS);

    private static final String FIND_ALL_FOR_UPDATE = """
            SELECT %s FROM contacts c WHERE c.id = ANY($1) ORDER BY c.id FOR UPDATE""".formatted(ContactRow.COLUMNS);

    /** Any contact, erased or not: whether an agent may reach it depends on the row, not on its being live. */
    private static final String HOLDER = """
            SELECT id, owner FROM contacts WHERE id = $1""";

    /** A page of contacts: {where} and {orderBy} come from {@link ContactQuery}, {limit} is the page size plus one. */
    private static final String PAGE = """
            SELECT %s FROM contacts c WHERE {where} ORDER BY {orderBy} LIMIT {limit}""".formatted(ContactRow.COLUMNS);

    private static final String COUNT = """
            SELECT count(*) AS n FROM contacts c WHERE {where}""";

    /** A page of an audience, as {@link #PAGE}. */
    private static final String AUDIENCE_PAGE = """
            SELECT c.id, c.phone, c.created_at, c.updated_at, c.last_inbound_at, c.whatsapp_user_id
              FROM contacts c WHERE {where} ORDER BY {orderBy} LIMIT {limit}""";

    public Uni<Optional<ContactRow>> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND)
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(ContactRow::from));
    }

    /** Locks the row for the rest of the transaction, so concurrent writers to one contact serialise. */
    public Uni<Optional<ContactRow>> findForUpdate(SqlClient client, UUID id) {
        return client.preparedQuery(FIND_FOR_UPDATE)
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(ContactRow::from));
    }

    /** The contacts of {@code ids} that exist, in no particular order. */
    public Uni<List<ContactRow>> findAll(SqlClient client, List<UUID> ids) {
        return client.preparedQuery(FIND_ALL).execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(ContactRepository::rows);
    }

    /** {@link #findForUpdate} for many contacts, locked in id order so that concurrent batches cannot deadlock. */
    public Uni<List<ContactRow>> findAllForUpdate(SqlClient client, List<UUID> ids) {
        return client.preparedQuery(FIND_ALL_FOR_UPDATE)
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(ContactRepository::rows);
    }

    public Uni<Optional<UUID>> findIdByPhone(SqlClient client, String phone) {
        return client.preparedQuery("SELECT id FROM contacts WHERE phone = $1").execute(Tuple.of(phone))
                .map(rows -> first(rows).map(row -> row.getUUID("id")));
    }

    public Uni<Boolean> exists(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT 1 FROM contacts WHERE id = $1 AND erased_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> rows.size() > 0);
    }

    /** The owner of the contact holding {@code phone} (empty owner text when it has none), if any holds it. */
    public Uni<Optional<PhoneHolder>> findHolderOfPhone(SqlClient client, String phone) {
        return client.preparedQuery("SELECT id, owner FROM contacts WHERE phone = $1").execute(Tuple.of(phone))
                .map(rows -> first(rows).map(row -> new PhoneHolder(row.getUUID("id"), row.getString("owner"))));
    }

    /** The live contact {@code id}, if it exists, with its owner. */
    public Uni<Optional<PhoneHolder>> findLive(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT id, owner FROM contacts WHERE id = $1 AND erased_at IS NULL")
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(row -> new PhoneHolder(row.getUUID("id"), row.getString("owner"))));
    }

    /** The contact {@code id} (erased too), if it exists, with its owner. */
    public Uni<Optional<PhoneHolder>> findHolder(SqlClient client, UUID id) {
        return client.preparedQuery(HOLDER).execute(Tuple.of(id))
                .map(rows -> first(rows).map(row -> new PhoneHolder(row.getUUID("id"), row.getString("owner"))));
    }

    /** A contact's id and owner: enough to decide whether a caller may learn of it. */
    public record PhoneHolder(UUID id, String owner) {
    }

    /** One page (plus one row, to know whether another page exists). */
    public Uni<List<ContactRow>> list(SqlClient client, ContactFilter filter, String after, int limit, Instant now) {
        SqlParams params = new SqlParams();
        ContactQuery query = new ContactQuery(filter, now, params);
        query.after(after);
        String sql = page(PAGE, query, limit);
        return client.preparedQuery(sql).execute(params.tuple()).map(ContactRepository::rows);
    }

    /** A page statement: the query's filter and order filled in, one row more than the page to tell a next page. */
    private static String page(String template, ContactQuery query, int limit) {
        return template.replace("{where}", query.where()).replace("{orderBy}", query.orderBy())
                .replace("{limit}", Integer.toString(limit + 1));
    }

    /** One page of an audience: only what sending needs, so pages can be ten times larger than contact pages. */
    public Uni<List<AudienceMember>> audience(SqlClient client, ContactFilter filter, String after, int limit,
                                              Instant now) {
        SqlParams params = new SqlParams();
        ContactQuery query = new ContactQuery(filter, now, params);
        query.after(after);
        String sql = page(AUDIENCE_PAGE, query, limit);
        return client.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<AudienceMember> out = new ArrayList<>(rows.size());
            rows.forEach(row -> out.add(new AudienceMember(row.getUUID("id"), row.getString("phone"),
                    SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "updated_at"),
                    SqlTimes.instant(row, "last_inbound_at"), row.getString("whatsapp_user_id"))));
            return out;
        });
    }

    public Uni<Long> count(SqlClient client, ContactFilter filter, Instant now) {
        SqlParams params = new SqlParams();
        ContactQuery query = new ContactQuery(filter, now, params);
        return client.preparedQuery(COUNT.replace("{where}", query.where()))
                .execute(params.tuple()).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Inserts a contact unless its phone exists; empty means a duplicate phone. */
    public Uni<Optional<UUID>> insert(SqlClient client, UUID id, ContactFields f, FollowUp followUp, Instant now) {
        String sql = """
                INSERT INTO contacts (id, phone, name, company, country, language, time_zone, source, owner, stage,
                    accepted_at, opted_out, opted_out_at, referred_by, attributes, follow_up_due_at, follow_up_reason,
                    created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
                ON CONFLICT (phone) DO NOTHING RETURNING id""";
        Tuple tuple = Tuple.from(Arrays.asList(id, f.phone(), f.name(), f.company(), f.country(), f.language(),
                f.timeZone(), f.source(), f.owner(), f.stage(), time(f.acceptedAt()), f.optedOut(),
                f.optedOut() ? time(now) : null, f.referredBy(), new JsonObject(f.attributes()),
                followUp == null ? null : time(followUp.dueAt()), followUp == null ? null : followUp.reason(),
                time(now)));
        return client.preparedQuery(sql).execute(tuple).map(rows -> first(rows).map(row -> row.getUUID("id")));
    }

    /** Rewrites the editable fields; opting out stamps optedOutAt once, opting back in clears it. */
    public Uni<Boolean> update(SqlClient client, UUID id, ContactFields f, Instant now) {
        String sql = """
                UPDATE contacts SET phone = $2, name = $3, company = $4, country = $5, language = $6, time_zone = $7,
                    source = $8, owner = $9, stage = $10, accepted_at = $11, opted_out = $12,
                    opted_out_at = CASE WHEN $12 THEN coalesce(opted_out_at, $13) END, referred_by = $14,
                    attributes = $15, updated_at = $13
                WHERE id = $1 AND erased_at IS NULL""";
        Tuple tuple = Tuple.from(Arrays.asList(id, f.phone(), f.name(), f.company(), f.country(), f.language(),
                f.timeZone(), f.source(), f.owner(), f.stage(), time(f.acceptedAt()), f.optedOut(), time(now),
                f.referredBy(), new JsonObject(f.attributes())));
        return client.preparedQuery(sql).execute(tuple).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> setPreferences(SqlClient client, UUID id, JsonObject preferences, Instant now) {
        return client.preparedQuery("UPDATE contacts SET preferences = $2, updated_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, preferences, time(now))).replaceWithVoid();
    }

    /** Sets the stage and marks the contact changed (for incremental sync) even when the stage stays. */
    public Uni<Void> setStage(SqlClient client, UUID id, String stage, Instant now) {
        return client.preparedQuery("UPDATE contacts SET stage = $2, updated_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, stage, time(now))).replaceWithVoid();
    }

    /** {@link #setStage} for many contacts in one statement. */
    public Uni<Void> setStages(SqlClient client, List<UUID> ids, List<String> stages, Instant now) {
        return client.preparedQuery("""
                        UPDATE contacts c SET stage = s.stage, updated_at = $3
                        FROM unnest($1::uuid[], $2::text[]) AS s (id, stage) WHERE c.id = s.id""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), stages.toArray(String[]::new), time(now)))
                .replaceWithVoid();
    }

    /** Marks the contact changed, so incremental sync picks up a change to its tags. */
    public Uni<Void> touch(SqlClient client, UUID id, Instant now) {
        return client.preparedQuery("UPDATE contacts SET updated_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, time(now))).replaceWithVoid();
    }

    public Uni<Void> setFollowUp(SqlClient client, UUID id, FollowUp followUp) {
        return client.preparedQuery("UPDATE contacts SET follow_up_due_at = $2, follow_up_reason = $3 WHERE id = $1")
                .execute(Tuple.of(id, followUp == null ? null : time(followUp.dueAt()),
                        followUp == null ? null : followUp.reason()))
                .replaceWithVoid();
    }

    /**
     * GDPR erasure: personal data is removed, the id, stage, tags, deals and aggregates stay, so reports keep
     * their counts. The contact is opted out so nothing is ever sent to it again.
     */
    public Uni<Boolean> erase(SqlClient client, UUID id, Instant now) {
        return client.preparedQuery("""
                        UPDATE contacts SET phone = NULL, whatsapp_user_id = NULL, username = NULL, name = NULL,
                            company = NULL, language = NULL, attributes = '{}', preferences = NULL,
                            referred_by = NULL, opted_out = true, opted_out_at = coalesce(opted_out_at, $2),
                            follow_up_due_at = NULL, follow_up_reason = NULL, erased_at = $2, updated_at = $2
                        WHERE id = $1 AND erased_at IS NULL""")
                .execute(Tuple.of(id, time(now)))
                .call(rows -> client.preparedQuery(
                                "UPDATE interactions SET text = NULL, flow_response = NULL WHERE contact_id = $1")
                        .execute(Tuple.of(id)))
                .call(rows -> client.preparedQuery(
                                "UPDATE contact_ad_referrals SET ctwa_clid = NULL WHERE contact_id = $1")
                        .execute(Tuple.of(id)))
                .map(rows -> rows.rowCount() == 1);
    }


    static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private static List<ContactRow> rows(RowSet<Row> rows) {
        List<ContactRow> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(ContactRow.from(row)));
        return out;
    }
}
