package io.chatroi.contacts.tier;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.contacts.tag.TagAssignments;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a contact's tier moves to the tag history the moment a message changes them ("tags update at once");
 * {@link RetierJob} does the same in bulk for tiers that age with time.
 */
@ApplicationScoped
public class TierRecorder {

    static final String ACTOR = "system:tiering";

    private final TagAssignments tags;

    public TierRecorder(TagAssignments tags) {
        this.tags = tags;
    }

    public Uni<Void> record(SqlClient tx, UUID contactId, Instant now) {
        return tx.preparedQuery("SELECT activity_recorded, intent_recorded, intent, last_inbound_at, last_outbound_at"
                        + " FROM contacts WHERE id = $1").execute(Tuple.of(contactId))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    Instant lastIn = SqlTimes.instant(row, "last_inbound_at");
                    String activity = ActivityTier.of(lastIn, now).wire();
                    IntentTier intentTier = IntentTier.effective(IntentTier.fromWire(row.getString("intent")), lastIn,
                            SqlTimes.instant(row, "last_outbound_at"), now);
                    String intent = intentTier == null ? null : intentTier.wire();
                    String oldActivity = row.getString("activity_recorded");
                    String oldIntent = row.getString("intent_recorded");
                    if (Objects.equals(activity, oldActivity) && Objects.equals(intent, oldIntent)) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> moves = Uni.createFrom().voidItem();
                    if (!Objects.equals(activity, oldActivity)) {
                        moves = moves.chain(() -> tags.recordTierMove(tx, contactId, tag("activity", oldActivity),
                                tag("activity", activity), ACTOR, now));
                    }
                    if (!Objects.equals(intent, oldIntent)) {
                        moves = moves.chain(() -> tags.recordTierMove(tx, contactId, tag("intent", oldIntent),
                                tag("intent", intent), ACTOR, now));
                    }
                    return moves.chain(() -> tx.preparedQuery("UPDATE contacts SET activity_recorded = $2,"
                            + " intent_recorded = $3 WHERE id = $1").execute(Tuple.of(contactId, activity, intent)))
                            .replaceWithVoid();
                });
    }

    private static String tag(String category, String tier) {
        return tier == null ? null : category + ":" + tier;
    }
}
