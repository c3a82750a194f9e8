package io.chatroi.campaigns.contacts;

import io.quarkus.scheduler.Scheduled;
import io.chatroi.campaigns.attribution.StopSignals;
import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Forwards what campaign-service learned to contacts-service, which owns tiers, opt-out and the weekly cap:
 * inbound messages (classified there; unknown senders, such as click-to-WhatsApp ad leads, become contacts; a
 * sender is named by phone, by WhatsApp business-scoped user id, or both, and contacts-service merges the two),
 * sent campaign messages (last outbound time, the cap) and marketing preference changes (stop, resume, a tapped
 * stop button). An outbox: rows are marked forwarded only after contacts-service stored them, in batches locked
 * with SKIP LOCKED so replicas share the work; the externalId makes a repeated forward harmless.
 */
@ApplicationScoped
public class ContactSync {

    private static final Logger LOG = Logger.getLogger(ContactSync.class);

    private final Pool pool;
    private final ContactSyncRepository repository;
    private final ContactsClient contacts;
    private final StopSignals stopSignals;
    private final Clock clock;

    public ContactSync(Pool pool, ContactSyncRepository repository, ContactsClient contacts, StopSignals stopSignals,
                       Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.contacts = contacts;
        this.stopSignals = stopSignals;
        this.clock = clock;
    }

    @Scheduled(every = "{chatroi.campaigns.contact-sync-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodic() {
        return syncOnce().replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Forwarding to contacts-service failed, will retry: %s", failure.getMessage());
            return null;
        });
    }

    /** Forwards one batch of each kind; returns how many rows were forwarded. */
    public Uni<Integer> syncOnce() {
        // identity changes first: a later message under the new phone or BSUID then finds the contact
        return forward(ContactSyncRepository.IDENTITY_CHANGES, IdentityChanges::of, contacts::changeIdentities)
                .chain(changes -> syncMessages().map(count -> changes + count));
    }

    private Uni<Integer> syncMessages() {
        return forward(ContactSyncRepository.INBOUND, true, this::inbound)
                .chain(inbound -> forward(ContactSyncRepository.SENDS, false, this::outbound)
                        .map(outbound -> inbound + outbound))
                .chain(count -> forward(ContactSyncRepository.PREFERENCES, true, this::preference)
                        .map(preferences -> count + preferences))
                .chain(count -> forward(ContactSyncRepository.CHATS, true, this::chat)
                        .map(chats -> count + chats));
    }

    private Uni<Integer> forward(ContactSyncRepository.Outbox outbox, boolean createMissing,
                                 Function<Row, JsonObject> item) {
        return forward(outbox, item, items -> contacts.recordInteractions(items, createMissing));
    }

    private Uni<Integer> forward(ContactSyncRepository.Outbox outbox, Function<Row, JsonObject> item,
                                 Function<List<JsonObject>, Uni<Integer>> send) {
        return pool.withTransaction(tx -> repository.claim(tx, outbox).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(0);
            }
            List<JsonObject> items = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Row row : rows) {
                JsonObject forwarded = item.apply(row);
                if (forwarded != null) {
                    items.add(forwarded);
                }
                keys.add(row.getString(outbox.keyColumn()));
            }
            Uni<Integer> recorded = items.isEmpty() ? Uni.createFrom().item(0)
                    : send.apply(items);
            return recorded
                    .invoke(rejected -> {
                        if (rejected > 0) {
                            LOG.warnf("contacts-service rejected %d of %d forwarded items", rejected, items.size());
                        }
                    })
                    // stamped when contacts-service answered, not when the batch was claimed
                    .chain(() -> repository.markForwarded(tx, outbox, keys, clock.instant()))
                    .replaceWith(rows.size());
        }));
    }

    /**
     * An inbound message as an interaction, or null for a message that is no engagement at all (a system notice, a
     * revoke, an edit, an unsupported message, a removed reaction): it must not make the contact look active.
     */
    private JsonObject inbound(Row row) {
        if (!MessageKind.of(row.getString("type")).engagement()) {
            return null;
        }
        String payload = row.getString("payload");
        String text = row.getString("text");
        boolean stopTapped = stopSignals.isStopPayload(payload);
        return InboundDetails.addTo(new JsonObject().put("phone", row.getString("from_phone"))
                .put("name", row.getString("profile_name"))
                .put("source", row.getValue("referral") != null ? "ads_ctwa" : "other")
                .put("direction", "inbound").put("at", instantOrNow(row, "at").toString())
                .put("text", text).put("messageType", row.getString("type"))
                .put("externalId", row.getString("message_id")).put("optOut", stopTapped ? Boolean.TRUE : null)
                // a username-only sender has no phone: contacts-service keys it by its BSUID
                .put("whatsappUserId", row.getString("from_user_id")).put("username", row.getString("username")), row);
    }

    private JsonObject outbound(Row row) {
        return new JsonObject().put("phone", row.getString("phone")).put("direction", "outbound")
                .put("at", instantOrNow(row, "sent_at").toString()).put("messageType", "template")
                .put("category", row.getString("category")).put("externalId", row.getString("provider_message_id"))
                .put("whatsappUserId", row.getString("whatsapp_user_id"));
    }

    private JsonObject preference(Row row) {
        String value = row.getString("value");
        return new JsonObject().put("phone", row.getString("phone")).put("direction", "inbound")
                .put("at", instantOrNow(row, "at").toString()).put("messageType", "user_preferences")
                .put("externalId", "preference:" + row.getString("key"))
                .put("optOut", "stop".equals(value) ? Boolean.TRUE : "resume".equals(value) ? Boolean.FALSE : null)
                .put("whatsappUserId", row.getString("user_id"));
    }

    private JsonObject chat(Row row) {
        String external = row.getString("external_id");
        return new JsonObject().put("phone", row.getString("phone")).put("direction", row.getString("direction"))
                .put("at", instantOrNow(row, "at").toString()).put("text", row.getString("text"))
                .put("messageType", "text").put("agent", row.getString("agent")).put("source", "other")
                .put("externalId", external != null ? external : "chat:" + row.getString("key"));
    }

    /** A message time; a row without one counts as now rather than being dropped. */
    private Instant instantOrNow(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? clock.instant() : value.toInstant();
    }
}
