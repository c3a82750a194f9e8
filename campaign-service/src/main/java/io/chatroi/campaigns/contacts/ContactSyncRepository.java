package io.chatroi.campaigns.contacts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of the outbox to contacts-service: each kind of row is claimed in batches of 500, oldest first, locked
 * with SKIP LOCKED so replicas share the work, and marked forwarded once contacts-service stored it.
 */
@ApplicationScoped
public class ContactSyncRepository {

    /**
     * One kind of forwarded row: the statement claiming a batch, the statement marking rows forwarded ($1 the keys,
     * $2 now) and the column holding a row's key.
     */
    public record Outbox(String claim, String markForwarded, String keyColumn) {
    }

    private static final String MARK_INBOUND = """
            UPDATE inbound_messages SET forwarded_at = $2 WHERE message_id = ANY($1)""";

    /** WhatsApp identity changes (a new phone or BSUID), as system messages. */
    static final Outbox IDENTITY_CHANGES = new Outbox("""
            SELECT message_id, from_phone, from_user_id, raw->'system' AS system FROM inbound_messages
             WHERE forwarded_at IS NULL AND type = 'system' ORDER BY received_at LIMIT 500
               FOR UPDATE SKIP LOCKED""", MARK_INBOUND, "message_id");

    /**
     * Inbound messages other than system notices, with the details {@link InboundDetails} reads: the order placed in
     * the chat and a Flow's reply.
     */
    static final Outbox INBOUND = new Outbox("""
            SELECT message_id, from_phone, from_user_id, username, profile_name, at, type, text, payload, referral,
                   (SELECT jsonb_build_object('catalogId', o.catalog_id, 'items', o.items, 'total', o.total,
                                              'currency', o.currency, 'campaignId', o.campaign_id)
                      FROM whatsapp_orders o WHERE o.message_id = inbound_messages.message_id) AS chat_order,
                   raw->'interactive'->'nfm_reply'->>'response_json' AS flow_response
              FROM inbound_messages WHERE forwarded_at IS NULL AND type <> 'system'
             ORDER BY received_at LIMIT 500
               FOR UPDATE SKIP LOCKED""", MARK_INBOUND, "message_id");

    /** Campaign messages sent, with their template's category. */
    static final Outbox SENDS = new Outbox("""
            SELECT s.id::text AS key, s.phone, s.whatsapp_user_id, s.sent_at, s.provider_message_id,
                   t.category FROM sends s JOIN templates t ON t.id = s.template_id
             WHERE s.status = 'sent' AND s.forwarded_at IS NULL ORDER BY s.sent_at LIMIT 500
               FOR UPDATE OF s SKIP LOCKED""", """
            UPDATE sends SET forwarded_at = $2 WHERE id::text = ANY($1)""", "key");

    /** Marketing preference changes (stop, resume). */
    static final Outbox PREFERENCES = new Outbox("""
            SELECT id::text AS key, phone, user_id, value, at FROM preference_events
             WHERE forwarded_at IS NULL ORDER BY received_at LIMIT 500
               FOR UPDATE SKIP LOCKED""", """
            UPDATE preference_events SET forwarded_at = $2 WHERE id::text = ANY($1)""", "key");

    /** Logged 1:1 chat messages. */
    static final Outbox CHATS = new Outbox("""
            SELECT id::text AS key, external_id, direction, phone, agent, at, text
              FROM chat_messages WHERE forwarded_at IS NULL ORDER BY created_at LIMIT 500
               FOR UPDATE SKIP LOCKED""", """
            UPDATE chat_messages SET forwarded_at = $2 WHERE id::text = ANY($1)""", "key");

    /** Claims the next batch of the outbox, locked until the transaction ends. */
    public Uni<RowSet<Row>> claim(SqlClient tx, Outbox outbox) {
        return tx.preparedQuery(outbox.claim()).execute();
    }

    public Uni<Void> markForwarded(SqlClient tx, Outbox outbox, List<String> keys, Instant now) {
        return tx.preparedQuery(outbox.markForwarded()).execute(Tuple.of(keys.toArray(String[]::new), time(now)))
                .replaceWithVoid();
    }
}
