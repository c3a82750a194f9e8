package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.receipt.DeliveryStatus;
import io.chatroi.campaigns.receipt.MessageState;
import io.chatroi.campaigns.receipt.Receipt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.chatroi.common.sql.SqlArrays.column;
import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * A webhook delivery's SQL, set-based (a handful of statements per POST, whatever its size): the raw body, new
 * receipts, the message states they fold into, inbound messages, preference events and provider errors.
 */
@ApplicationScoped
public class WebhookRepository {

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

    /**
     * Locks a delivery's message states in id order (concurrent deliveries touching the same messages serialise
     * instead of deadlocking) and reads the columns {@link #state} maps, not {@code *}: the client decodes every
     * column it is sent, and the four others (a timestamp among them) cost each status objects thrown away at once.
     */
    private static final String LOCK_STATES = """
            SELECT message_id, recipient, status, sent_at, delivered_at, read_at, played_at, failed_at, error_code,
                   error_title, pricing_category, billable, pricing_type, pricing_model, conversation_id
              FROM message_states WHERE message_id = ANY($1) ORDER BY message_id FOR UPDATE""";

    // the send's own change time moves too, so incremental sync of sends sees delivery and read (a data-modifying
    // WITH runs to completion whether or not the outer statement reads it)
    private static final String UPDATE_STATES = """
            WITH folded AS (
              UPDATE message_states m SET recipient = u.recipient, status = u.status, sent_at = u.sent_at,
                     delivered_at = u.delivered_at, read_at = u.read_at, played_at = u.played_at,
                     failed_at = u.failed_at, error_code = u.error_code, error_title = u.error_title,
                     pricing_category = u.pricing_category, billable = u.billable, pricing_type = u.pricing_type,
                     pricing_model = u.pricing_model, conversation_id = u.conversation_id, updated_at = $16
                FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[],
                            $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::int[], $10::text[],
                            $11::text[], $12::bool[], $13::text[], $14::text[], $15::text[])
                     AS u (message_id, recipient, status, sent_at, delivered_at, read_at, played_at, failed_at,
                           error_code, error_title, pricing_category, billable, pricing_type, pricing_model,
                           conversation_id)
               WHERE m.message_id = u.message_id)
            UPDATE sends SET updated_at = $16 WHERE provider_message_id = ANY($1)""";

    private static final String GROUP_REACH = """
            UPDATE message_states m SET participants_reached = x.reached, participants_read = x.read_by,
                   updated_at = $2
              FROM (SELECT message_id,
                           count(DISTINCT participant) FILTER (WHERE status IN ('delivered', 'read', 'played')) AS reached,
                           count(DISTINCT participant) FILTER (WHERE status IN ('read', 'played')) AS read_by
                      FROM receipts WHERE message_id = ANY($1) AND participant <> ''
                     GROUP BY message_id) x
             WHERE m.message_id = x.message_id""";

    private static final String STATE_USER_IDS = """
            UPDATE message_states m SET recipient_user_id = u.user_id
              FROM unnest($1::text[], $2::text[]) AS u (message_id, user_id)
             WHERE m.message_id = u.message_id AND m.recipient_user_id IS NULL""";

    private static final String SEND_USER_IDS = """
            UPDATE sends s SET whatsapp_user_id = u.user_id
              FROM unnest($1::text[], $2::text[]) AS u (message_id, user_id)
             WHERE s.provider_message_id = u.message_id AND s.whatsapp_user_id IS NULL""";

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

    public Uni<Long> insertDelivery(SqlClient tx, String body, int receipts, int messages, Instant receivedAt) {
        return tx.preparedQuery(INSERT_DELIVERY).execute(Tuple.of(time(receivedAt), body, receipts, messages))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Inserts the receipts; returns the {@link #receiptKey} of each one that was new. */
    public Uni<Set<String>> insertReceipts(SqlClient tx, List<Receipt> receipts, long deliveryId,
                                           Instant receivedAt) {
        Object[] values = {
                column(receipts, Receipt::messageId, String[]::new),
                column(receipts, Receipt::status, String[]::new),
                column(receipts, r -> time(r.at()), OffsetDateTime[]::new),
                column(receipts, Receipt::recipient, String[]::new),
                column(receipts, Receipt::errorCode, Integer[]::new),
                column(receipts, Receipt::errorTitle, String[]::new),
                column(receipts, Receipt::pricingCategory, String[]::new),
                column(receipts, Receipt::billable, Boolean[]::new),
                column(receipts, Receipt::pricingType, String[]::new),
                column(receipts, Receipt::pricingModel, String[]::new),
                column(receipts, Receipt::conversationId, String[]::new),
                column(receipts, Receipt::callbackData, String[]::new),
                column(receipts, Receipt::recipientUserId, String[]::new),
                column(receipts, WebhookRepository::participant, String[]::new), deliveryId, time(receivedAt)};
        return tx.preparedQuery(INSERT_RECEIPTS).execute(Tuple.from(values)).map(rows -> {
            Set<String> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add(row.getString("message_id") + '\n' + row.getString("status") + '\n'
                    + row.getString("participant")));
            return inserted;
        });
    }

    /** A receipt's unique key as {@link #insertReceipts} returns it. */
    static String receiptKey(Receipt receipt) {
        return receipt.messageId() + '\n' + receipt.status() + '\n' + participant(receipt);
    }

    private static String participant(Receipt receipt) {
        return receipt.participant() == null ? "" : receipt.participant();
    }

    /** Creates the states not seen before, then locks and reads all of them in id order. */
    public Uni<List<MessageState>> lockStates(SqlClient tx, String[] messageIds, Instant now) {
        return tx.preparedQuery(INSERT_STATES).execute(Tuple.of(messageIds, time(now)))
                .chain(() -> tx.preparedQuery(LOCK_STATES).execute(Tuple.of((Object) messageIds)))
                .map(rows -> {
                    List<MessageState> states = new ArrayList<>();
                    rows.forEach(row -> states.add(state(row)));
                    return states;
                });
    }

    private static MessageState state(Row row) {
        return new MessageState(row.getString("message_id"), row.getString("recipient"),
                DeliveryStatus.fromWire(row.getString("status")), instant(row, "sent_at"),
                instant(row, "delivered_at"), instant(row, "read_at"), instant(row, "played_at"),
                instant(row, "failed_at"), row.getInteger("error_code"), row.getString("error_title"),
                row.getString("pricing_category"), row.getBoolean("billable"), row.getString("pricing_type"),
                row.getString("pricing_model"), row.getString("conversation_id"));
    }

    /**
     * Writes the folded states back and moves the sends' change time, in one statement whatever the number of
     * states (one UPDATE per state cost a statement per status). The rows are already locked by the caller.
     */
    public Uni<Void> updateStates(SqlClient tx, List<MessageState> states, Instant now) {
        return tx.preparedQuery(UPDATE_STATES).execute(Tuple.from(new Object[]{
                column(states, MessageState::messageId, String[]::new),
                column(states, MessageState::recipient, String[]::new),
                column(states, s -> s.status().wire(), String[]::new),
                column(states, s -> time(s.sentAt()), OffsetDateTime[]::new),
                column(states, s -> time(s.deliveredAt()), OffsetDateTime[]::new),
                column(states, s -> time(s.readAt()), OffsetDateTime[]::new),
                column(states, s -> time(s.playedAt()), OffsetDateTime[]::new),
                column(states, s -> time(s.failedAt()), OffsetDateTime[]::new),
                column(states, MessageState::errorCode, Integer[]::new),
                column(states, MessageState::errorTitle, String[]::new),
                column(states, MessageState::pricingCategory, String[]::new),
                column(states, MessageState::billable, Boolean[]::new),
                column(states, MessageState::pricingType, String[]::new),
                column(states, MessageState::pricingModel, String[]::new),
                column(states, MessageState::conversationId, String[]::new), time(now)})).replaceWithVoid();
    }

    /** Counts each group message's reach over its members' receipts. */
    public Uni<Void> updateGroupReach(SqlClient tx, String[] groupMessages, Instant now) {
        return tx.preparedQuery(GROUP_REACH).execute(Tuple.of(groupMessages, time(now))).replaceWithVoid();
    }

    /** Sets the recipient's BSUID on message states and sends that have none yet. */
    public Uni<Void> setRecipientUserIds(SqlClient tx, String[] messageIds, String[] userIds) {
        Tuple users = Tuple.of(messageIds, userIds);
        return tx.preparedQuery(STATE_USER_IDS).execute(users)
                .chain(() -> tx.preparedQuery(SEND_USER_IDS).execute(users)).replaceWithVoid();
    }

    public Uni<Void> insertMessages(SqlClient tx, List<WebhookBatch.InboundMessage> messages, Instant receivedAt) {
        List<Tuple> batch = messages.stream().map(m -> Tuple.from(new Object[]{m.messageId(), m.from(),
                m.profileName(), time(m.at()), m.type(), m.text(), m.payload(), m.contextId(),
                m.referralJson() == null ? null : new JsonObject(m.referralJson()), new JsonObject(m.rawJson()),
                time(receivedAt), m.fromUserId(), m.username(), m.groupId()})).toList();
        return tx.preparedQuery(INSERT_MESSAGE).executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> insertPreferences(SqlClient tx, List<WebhookBatch.PreferenceEvent> events, Instant receivedAt) {
        List<Tuple> batch = events.stream().map(e -> Tuple.from(Arrays.asList(e.phone(), e.value(),
                e.category(), e.detail(), time(e.at()), time(receivedAt), e.userId()))).toList();
        return tx.preparedQuery(INSERT_PREFERENCE).executeBatch(batch).replaceWithVoid();
    }

    /** Each error keyed by its delivery and its place in it. */
    public Uni<Void> insertErrors(SqlClient tx, String deliveryKey, List<WebhookBatch.ProviderError> errors,
                                  Instant receivedAt) {
        List<Tuple> batch = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            WebhookBatch.ProviderError e = errors.get(i);
            batch.add(Tuple.from(new Object[]{deliveryKey, i, e.scope(), e.messageId(), e.phone(), time(e.at()),
                    e.code(), e.title(), e.message(), e.details(), time(receivedAt)}));
        }
        return tx.preparedQuery(INSERT_ERROR).executeBatch(batch).replaceWithVoid();
    }

}
