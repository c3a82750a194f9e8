package io.chatroi.contacts.tier;

import io.chatroi.contacts.tag.TagAssignments;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a contact's tier moves to the tag history the moment a message changes them ("tags update at once");
 * {@link RetierJob} does the same in bulk for tiers that age with time.
 */
@ApplicationScoped
public class TierService {

    static final String ACTOR = "system:tiering";

    private final TierRepository repository;
    private final TagAssignments tags;

    public TierService(TierRepository repository, TagAssignments tags) {
        this.repository = repository;
        this.tags = tags;
    }

    public Uni<Void> record(SqlClient tx, UUID contactId, Instant now) {
        return repository.recorded(tx, contactId).chain(recorded -> {
            String activity = ActivityTier.of(recorded.lastInboundAt(), now).wire();
            IntentTier intentTier = IntentTier.effective(IntentTier.fromWire(recorded.intentSignal()),
                    recorded.lastInboundAt(), recorded.lastOutboundAt(), now);
            String intent = intentTier == null ? null : intentTier.wire();
            String oldActivity = recorded.activity();
            String oldIntent = recorded.intent();
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
            return moves.chain(() -> repository.record(tx, contactId, activity, intent));
        });
    }

    private static String tag(String category, String tier) {
        return tier == null ? null : category + ":" + tier;
    }
}
