package io.chatroi.campaigns.contacts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for contact merges learned from contacts-service, and for re-pointing the absorbed contacts' rows. */
@ApplicationScoped
public class ContactMergeRepository {

    static final String FEED = "contact-merges";

    public record Position(Instant updatedAfter, String after) {
    }

    public Uni<Position> position(SqlClient client) {
        return client.preparedQuery("SELECT updated_after, after_cursor FROM feed_cursors WHERE feed = $1")
                .execute(Tuple.of(FEED))
                .map(rows -> rows.size() == 0 ? new Position(null, null)
                        : new Position(instant(rows.iterator().next(), "updated_after"),
                        rows.iterator().next().getString("after_cursor")));
    }

    public Uni<Void> savePosition(SqlClient client, Position position) {
        return client.preparedQuery("""
                        INSERT INTO feed_cursors (feed, updated_after, after_cursor) VALUES ($1, $2, $3)
                        ON CONFLICT (feed) DO UPDATE SET updated_after = excluded.updated_after,
                               after_cursor = excluded.after_cursor""")
                .execute(Tuple.from(Arrays.asList(FEED, time(position.updatedAfter()), position.after())))
                .replaceWithVoid();
    }

    /**
     * Stores merges, each pointing at its final survivor: a new merge whose survivor was itself absorbed follows it,
     * and earlier merges into a contact now absorbed move on to the new survivor.
     */
    public Uni<Void> store(SqlClient client, List<ContactsClient.Merge> merges) {
        if (merges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] absorbed = merges.stream().map(ContactsClient.Merge::absorbedId).toArray(UUID[]::new);
        UUID[] survivors = merges.stream().map(ContactsClient.Merge::survivorId).toArray(UUID[]::new);
        java.time.OffsetDateTime[] at = merges.stream().map(m -> time(m.mergedAt()))
                .toArray(java.time.OffsetDateTime[]::new);
        return client.preparedQuery("""
                        INSERT INTO contact_merges (absorbed_id, survivor_id, merged_at)
                        SELECT u.absorbed, coalesce(m.survivor_id, u.survivor), u.at
                          FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u (absorbed, survivor, at)
                          LEFT JOIN contact_merges m ON m.absorbed_id = u.survivor
                        ON CONFLICT (absorbed_id) DO NOTHING""")
                .execute(Tuple.of(absorbed, survivors, at))
                .chain(() -> client.preparedQuery("""
                        UPDATE contact_merges m SET survivor_id = n.survivor_id FROM contact_merges n
                         WHERE m.survivor_id = n.absorbed_id""").execute())
                .replaceWithVoid();
    }

    /**
     * Re-points sends and orders of absorbed contacts to their survivors (moving updatedAt, so metrics-service's
     * sync sees them). A send the survivor already has in the same campaign (both were in its audience) stays
     * where it is: a campaign holds one send per contact. Returns how many rows moved.
     */
    public Uni<Integer> repoint(SqlClient client, Instant now) {
        // one send per campaign and survivor moves, even when several absorbed contacts each had one there
        return client.preparedQuery("""
                        WITH moving AS (
                            SELECT DISTINCT ON (s.campaign_id, m.survivor_id) s.id, m.survivor_id
                              FROM sends s JOIN contact_merges m ON m.absorbed_id = s.contact_id
                             WHERE NOT EXISTS (SELECT 1 FROM sends t
                                                WHERE t.campaign_id = s.campaign_id AND t.contact_id = m.survivor_id)
                             ORDER BY s.campaign_id, m.survivor_id, s.id)
                        UPDATE sends s SET contact_id = moving.survivor_id, updated_at = $1 FROM moving
                         WHERE s.id = moving.id""")
                .execute(Tuple.of(time(now)))
                .chain(sends -> client.preparedQuery("""
                                UPDATE orders o SET contact_id = m.survivor_id, updated_at = $1 FROM contact_merges m
                                 WHERE o.contact_id = m.absorbed_id""").execute(Tuple.of(time(now)))
                        .map(orders -> sends.rowCount() + orders.rowCount()));
    }
}
