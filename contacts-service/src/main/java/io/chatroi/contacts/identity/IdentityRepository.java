package io.chatroi.contacts.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for the WhatsApp identities of contacts (BSUID, username) and for merging two contacts into one. */
@ApplicationScoped
public class IdentityRepository {

    private static final String SIDE_COLUMNS = """
            id, phone, whatsapp_user_id, username, name, owner, source, stage, opted_out, opted_out_at, intent,
            intent_at, last_inbound_at, last_outbound_at, created_at""";

    private static final String LOCK_BOTH = """
            SELECT %s FROM contacts WHERE id = ANY($1) ORDER BY id FOR UPDATE""".formatted(SIDE_COLUMNS);

    public Uni<Optional<UUID>> findIdByUserId(SqlClient client, String userId) {
        return client.preparedQuery("SELECT id FROM contacts WHERE whatsapp_user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /** Usernames are not unique over time (one can be given up and taken by another): the latest holder wins. */
    public Uni<Optional<UUID>> findIdByUsername(SqlClient client, String username) {
        return client.preparedQuery("""
                        SELECT id FROM contacts WHERE username = $1 AND erased_at IS NULL
                        ORDER BY updated_at DESC LIMIT 1""").execute(Tuple.of(username))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /**
     * Fills in what a message taught about a contact: its phone or BSUID where it had none (the caller checked no
     * other contact holds them) and its latest username. Writes (and moves updatedAt) only when something changes.
     */
    public Uni<Void> attach(SqlClient client, UUID id, String phone, String userId, String username, Instant now) {
        return client.preparedQuery("""
                        UPDATE contacts SET phone = coalesce(phone, $2), whatsapp_user_id = coalesce($3, whatsapp_user_id),
                               username = coalesce($4, username), updated_at = $5
                         WHERE id = $1 AND erased_at IS NULL
                           AND (phone IS NULL AND $2::text IS NOT NULL
                                OR whatsapp_user_id IS DISTINCT FROM coalesce($3, whatsapp_user_id)
                                OR username IS DISTINCT FROM coalesce($4, username))""")
                .execute(Tuple.from(Arrays.asList(id, phone, userId, username, time(now)))).replaceWithVoid();
    }

    /**
     * Replaces a contact's phone and BSUID with the ones WhatsApp now names the user by (the caller checked no other
     * contact holds them); a null keeps the current one. Writes only when something changes.
     */
    public Uni<Boolean> replace(SqlClient client, UUID id, String phone, String userId, Instant now) {
        return client.preparedQuery("""
                        UPDATE contacts SET phone = coalesce($2, phone), whatsapp_user_id = coalesce($3, whatsapp_user_id),
                               updated_at = $4
                         WHERE id = $1 AND erased_at IS NULL
                           AND (phone IS DISTINCT FROM coalesce($2, phone)
                                OR whatsapp_user_id IS DISTINCT FROM coalesce($3, whatsapp_user_id))""")
                .execute(Tuple.from(Arrays.asList(id, phone, userId, time(now)))).map(rows -> rows.rowCount() > 0);
    }

    /** Both contacts, locked in id order so concurrent merges of the same pair serialise instead of deadlocking. */
    public Uni<Map<UUID, ContactMerge.Side>> lockBoth(SqlClient client, UUID a, UUID b) {
        return client.preparedQuery(LOCK_BOTH).execute(Tuple.of((Object) new UUID[]{a, b}))
                .map(rows -> {
                    Map<UUID, ContactMerge.Side> sides = new HashMap<>();
                    rows.forEach(row -> sides.put(row.getUUID("id"), side(row)));
                    return sides;
                });
    }

    /**
     * Moves everything of {@code absorbed} to the survivor, retires {@code absorbed} and writes the merged fields.
     * The absorbed BSUID is released before the survivor takes it (the column is unique).
     */
    public Uni<Void> merge(SqlClient client, ContactMerge.Side merged, UUID absorbed, Instant now) {
        UUID survivor = merged.id();
        Tuple pair = Tuple.of(survivor, absorbed);
        Tuple moved = Tuple.of(survivor, absorbed, time(now));
        return client.preparedQuery("UPDATE interactions SET contact_id = $1 WHERE contact_id = $2").execute(pair)
                .chain(() -> client.preparedQuery("UPDATE contact_ad_referrals SET contact_id = $1 WHERE contact_id = $2")
                        .execute(pair))
                .chain(() -> client.preparedQuery("""
                        UPDATE deals SET contact_id = $1, updated_at = $3 WHERE contact_id = $2""").execute(moved))
                .chain(() -> client.preparedQuery("""
                        INSERT INTO contact_tags (contact_id, tag_name, assigned_at, assigned_by)
                        SELECT $1, tag_name, assigned_at, assigned_by FROM contact_tags WHERE contact_id = $2
                        ON CONFLICT DO NOTHING""").execute(pair))
                .chain(() -> client.preparedQuery("DELETE FROM contact_tags WHERE contact_id = $1")
                        .execute(Tuple.of(absorbed)))
                .chain(() -> client.preparedQuery("UPDATE tag_events SET contact_id = $1 WHERE contact_id = $2")
                        .execute(pair))
                .chain(() -> client.preparedQuery("""
                        UPDATE contacts SET referred_by = $1, updated_at = $3 WHERE referred_by = $2""").execute(moved))
                .chain(() -> client.preparedQuery("""
                        UPDATE contacts s SET preferences = a.preferences FROM contacts a
                         WHERE s.id = $1 AND a.id = $2 AND s.preferences IS NULL""").execute(pair))
                .chain(() -> client.preparedQuery("""
                        UPDATE contacts SET phone = NULL, whatsapp_user_id = NULL, username = NULL, name = NULL,
                               company = NULL, attributes = '{}', preferences = NULL, merged_into = $1, merged_at = $3,
                               erased_at = $3, opted_out = true, opted_out_at = coalesce(opted_out_at, $3),
                               follow_up_due_at = NULL, follow_up_reason = NULL, updated_at = $3
                         WHERE id = $2""").execute(moved))
                .chain(() -> client.preparedQuery("""
                        UPDATE contacts SET phone = $2, whatsapp_user_id = $3, username = $4, name = $5, owner = $6,
                               source = $7, stage = $8, opted_out = $9, opted_out_at = $10, intent = $11,
                               intent_at = $12, last_inbound_at = $13, last_outbound_at = $14, created_at = $15,
                               updated_at = $16
                         WHERE id = $1""").execute(Tuple.from(Arrays.asList(survivor, merged.phone(), merged.userId(),
                        merged.username(), merged.name(), merged.owner(), merged.source(), merged.stage(),
                        merged.optedOut(), time(merged.optedOutAt()), merged.intent(), time(merged.intentAt()),
                        time(merged.lastInboundAt()), time(merged.lastOutboundAt()), time(merged.createdAt()),
                        time(now)))))
                .replaceWithVoid();
    }

    /** Merges after {@code updatedAfter} and after the cursor, by (merged_at, id) of the absorbed contact. */
    public Uni<java.util.List<ContactMergeFeed.Merge>> merges(SqlClient client, Instant updatedAfter,
                                                             io.chatroi.common.paging.TimeIdCursor cursor, int limit) {
        return client.preparedQuery("""
                        SELECT id, merged_into, merged_at FROM contacts
                         WHERE merged_into IS NOT NULL AND ($1::timestamptz IS NULL OR merged_at > $1)
                           AND ($2::timestamptz IS NULL OR (merged_at, id) > ($2, $3))
                         ORDER BY merged_at, id LIMIT $4""")
                .execute(Tuple.from(Arrays.asList(time(updatedAfter), cursor == null ? null : time(cursor.at()),
                        cursor == null ? null : cursor.id(), limit)))
                .map(rows -> {
                    java.util.List<ContactMergeFeed.Merge> merges = new java.util.ArrayList<>();
                    rows.forEach(row -> merges.add(new ContactMergeFeed.Merge(row.getUUID("id"),
                            row.getUUID("merged_into"), instant(row, "merged_at"))));
                    return merges;
                });
    }

    private static ContactMerge.Side side(Row row) {
        return new ContactMerge.Side(row.getUUID("id"), row.getString("phone"), row.getString("whatsapp_user_id"),
                row.getString("username"), row.getString("name"), row.getString("owner"), row.getString("source"),
                row.getString("stage"), row.getBoolean("opted_out"), instant(row, "opted_out_at"),
                row.getString("intent"), instant(row, "intent_at"), instant(row, "last_inbound_at"),
                instant(row, "last_outbound_at"), instant(row, "created_at"));
    }
}
