package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.attribution.Attribution;
import io.chatroi.campaigns.attribution.StopSignals;
import io.chatroi.campaigns.chatorder.ChatOrderRepository;
import io.chatroi.campaigns.health.HealthEventWriter;
import io.chatroi.campaigns.receipt.MessageState;
import io.chatroi.campaigns.receipt.Receipt;
import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Writes one webhook delivery in one transaction with set-based statements (a handful per POST, whatever its size):
 * the raw body, new receipts (duplicates skipped by their unique key), the fold of those receipts into each
 * message's state, inbound messages, preference events and provider errors. Message states are locked in id order,
 * so concurrent deliveries touching the same messages serialise instead of deadlocking.
 */
@ApplicationScoped
public class WebhookStore {

    private static final String INSERT_DELIVERY = """
            INSERT INTO webhook_deliveries (received_at, body, statuses, messages) VALUES ($1, $2, $3, $4)
            RETURNING id""";

    /** New receipts only (a duplicate of an earlier or the same delivery is skipped); returns those inserted. */
    private static final String INSERT_RECEIPTS = """
            INSERT INTO receipts (message_id, status, at, recipient, error_code, error_title,
                                  pricing_category, billable, pricing_type, pricing_model, conversation_id, callback_data,
                                  recipient_user_id, participant, delivery_id, received_at)
            SELECT u.*, $15, $16
              FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[], $6::text[],
                          $7::text[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                          $14::text[]) AS u
            ON CONFLICT (message_id, status, participant) DO NOTHING
            RETURNING message_id, status, participant""";

    private static final String INSERT_STATES = """
            INSERT INTO message_states (message_id, status, updated_at)
            SELECT unnest($1::text[]), 'other', $2 ON CONFLICT (message_id) DO NOTHING""";

    /** In id order, so concurrent deliveries touching the same messages serialise instead of deadlocking. */
    private static final String INSERT_MESSAGE = """
            INSERT INTO inbound_messages (message_id, from_phone, profile_name, at, type, text,
                                          payload, context_id, referral, raw, received_at, from_user_id, username, group_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (message_id) DO NOTHING""";

    // unique by (phone, value, at), or by (user_id, value, at) for a user known by BSUID alone
    private static final String INSERT_PREFERENCE = """
            INSERT INTO preference_events (phone, value, category, detail, at, received_at, user_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""";

    private static final String INSERT_ERROR = """
            INSERT INTO provider_errors (delivery_key, position, scope, message_id, phone, at,
                                         code, title, message, details, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (delivery_key, position) DO NOTHING""";

    private final Pool pool;
    private final StopSignals stopSignals;
    private final HealthEventWriter health;
    private final ChatOrderRepository chatOrders;

    public WebhookStore(Pool pool, StopSignals stopSignals, HealthEventWriter health, ChatOrderRepository chatOrders) {
        this.pool = pool;
        this.stopSignals = stopSignals;
        this.health = health;
        this.chatOrders = chatOrders;
    }

    public Uni<Void> store(String body, WebhookBatch batch, Instant receivedAt) {
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT_DELIVERY)
                .execute(Tuple.of(time(receivedAt), body, batch.receipts().size(), batch.messages().size()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .chain(deliveryId -> insertReceipts(tx, batch.receipts(), deliveryId, receivedAt))
                .chain(fresh -> fold(tx, fresh, receivedAt).chain(() -> GroupAndUserFold.apply(tx, fresh, receivedAt)))
                .chain(() -> insertMessages(tx, batch.messages(), receivedAt))
                .chain(() -> chatOrders.store(tx, batch.messages(), receivedAt))
                .chain(() -> insertPreferences(tx, batch.preferences(), receivedAt))
                .chain(() -> insertErrors(tx, body, batch.errors(), receivedAt))
                .chain(() -> batch.healthEvents().isEmpty() ? Uni.createFrom().voidItem()
                        : health.store(tx, DeliveryKey.of(body), batch.healthEvents(), receivedAt))
                .chain(() -> attribute(tx, batch, receivedAt)));
    }

    /**
     * Credits replies, reactions and opt-outs (a stop button or word, or a user_preferences stop) to the sends they
     * answer. What counts as a reply or as engagement is {@link MessageKind}'s decision; a system notice, revoke,
     * edit or unsupported message credits nothing.
     */
    private Uni<Void> attribute(SqlClient tx, WebhookBatch batch, Instant now) {
        List<Attribution.Event> replies = new ArrayList<>();
        List<Attribution.Event> reactions = new ArrayList<>();
        List<Attribution.Event> optOuts = new ArrayList<>();
        for (WebhookBatch.InboundMessage m : batch.messages()) {
            Attribution.Event event = new Attribution.Event(m.from(), m.at(), m.messageId(), m.contextId(),
                    m.fromUserId());
            MessageKind kind = MessageKind.of(m.type());
            if (kind.reply()) {
                (stopSignals.isStop(m.payload(), m.text()) ? optOuts : replies).add(event);
            } else if (kind.engagement()) {
                reactions.add(event);
            }
        }
        batch.preferences().stream().filter(p -> "stop".equals(p.value()))
                .forEach(p -> optOuts.add(new Attribution.Event(p.phone(), p.at(), null, null, p.userId())));
        return Attribution.replies(tx, replies, now).chain(() -> Attribution.reactions(tx, reactions, now))
                .chain(() -> Attribution.optOuts(tx, optOuts, now)).replaceWithVoid();
    }

    /** Inserts the receipts and returns those that were new (not seen in an earlier or the same delivery). */
    private Uni<List<Receipt>> insertReceipts(SqlClient tx, List<Receipt> receipts, long deliveryId,
                                              Instant receivedAt) {
        if (receipts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = receipts.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] recipients = new String[n];
        Integer[] codes = new Integer[n];
        String[] titles = new String[n];
        String[] categories = new String[n];
        Boolean[] billable = new Boolean[n];
        String[] types = new String[n];
        String[] models = new String[n];
        String[] conversations = new String[n];
        String[] callbacks = new String[n];
        String[] userIds = new String[n];
        String[] participants = new String[n];
        for (int i = 0; i < n; i++) {
            Receipt r = receipts.get(i);
            ids[i] = r.messageId();
            statuses[i] = r.status();
            at[i] = time(r.at());
            recipients[i] = r.recipient();
            codes[i] = r.errorCode();
            titles[i] = r.errorTitle();
            categories[i] = r.pricingCategory();
            billable[i] = r.billable();
            types[i] = r.pricingType();
            models[i] = r.pricingModel();
            conversations[i] = r.conversationId();
            callbacks[i] = r.callbackData();
            userIds[i] = r.recipientUserId();
            participants[i] = r.participant() == null ? "" : r.participant();
        }
        return tx.preparedQuery(INSERT_RECEIPTS)
                .execute(Tuple.from(new Object[]{ids, statuses, at, recipients, codes, titles, categories, billable,
                        types, models, conversations, callbacks, userIds, participants, deliveryId,
                        time(receivedAt)}))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString("message_id") + '\n' + row.getString("status")
                            + '\n' + row.getString("participant")));
                    List<Receipt> fresh = new ArrayList<>();
                    for (Receipt receipt : receipts) {
                        if (inserted.remove(receipt.messageId() + '\n' + receipt.status() + '\n'
                                + (receipt.participant() == null ? "" : receipt.participant()))) {
                            fresh.add(receipt);
                        }
                    }
                    return fresh;
                });
    }

    private Uni<Void> fold(SqlClient tx, List<Receipt> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<Receipt>> byMessage = new TreeMap<>();
        fresh.forEach(r -> byMessage.computeIfAbsent(r.messageId(), id -> new ArrayList<>()).add(r));
        String[] ids = byMessage.keySet().toArray(String[]::new);
        return tx.preparedQuery(INSERT_STATES)
                .execute(Tuple.of(ids, time(now)))
                .chain(() -> tx.preparedQuery(MessageStateRows.LOCK).execute(Tuple.of((Object) ids)))
                .chain(rows -> {
                    Map<String, MessageState> states = new LinkedHashMap<>();
                    for (Row row : rows) {
                        MessageState state = MessageStateRows.from(row);
                        for (Receipt receipt : byMessage.get(state.messageId())) {
                            state = state.apply(receipt);
                        }
                        states.put(state.messageId(), state);
                    }
                    return MessageStateRows.update(tx, List.copyOf(states.values()), now);
                });
    }

    private Uni<Void> insertMessages(SqlClient tx, List<WebhookBatch.InboundMessage> messages, Instant receivedAt) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = messages.stream().map(m -> Tuple.from(new Object[]{m.messageId(), m.from(),
                m.profileName(), time(m.at()), m.type(), m.text(), m.payload(), m.contextId(),
                m.referralJson() == null ? null : new JsonObject(m.referralJson()), new JsonObject(m.rawJson()),
                time(receivedAt), m.fromUserId(), m.username(), m.groupId()})).toList();
        return tx.preparedQuery(INSERT_MESSAGE)
                .executeBatch(batch).replaceWithVoid();
    }

    private Uni<Void> insertPreferences(SqlClient tx, List<WebhookBatch.PreferenceEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = events.stream().map(e -> Tuple.from(java.util.Arrays.asList(e.phone(), e.value(),
                e.category(), e.detail(), time(e.at()), time(receivedAt), e.userId()))).toList();
        return tx.preparedQuery(INSERT_PREFERENCE)
                .executeBatch(batch).replaceWithVoid();
    }

    /**
     * Errors are keyed by the delivery's content and their place in it, so Meta's retry of the same delivery stores
     * nothing new while the same error in a later delivery is counted again.
     */
    private Uni<Void> insertErrors(SqlClient tx, String body, List<WebhookBatch.ProviderError> errors,
                                   Instant receivedAt) {
        if (errors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String delivery = DeliveryKey.of(body);
        List<Tuple> batch = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            WebhookBatch.ProviderError e = errors.get(i);
            batch.add(Tuple.from(new Object[]{delivery, i, e.scope(), e.messageId(), e.phone(), time(e.at()), e.code(),
                    e.title(), e.message(), e.details(), time(receivedAt)}));
        }
        return tx.preparedQuery(INSERT_ERROR)
                .executeBatch(batch).replaceWithVoid();
    }

}
