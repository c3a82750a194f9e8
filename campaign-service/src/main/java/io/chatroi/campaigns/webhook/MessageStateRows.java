package io.chatroi.campaigns.webhook;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.campaigns.receipt.DeliveryStatus;
import io.chatroi.campaigns.receipt.MessageState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;
import static io.chatroi.common.sql.SqlTimes.instant;

/** Maps the message_states table to {@link MessageState} and back. */
final class MessageStateRows {

    private MessageStateRows() {
    }

    /**
     * Locks a delivery's message states in id order and reads the columns {@link #from} maps, not {@code *}: the
     * client decodes every column it is sent, and the four others (a timestamp among them) cost each status
     * objects that were thrown away at once.
     */
    static final String LOCK = """
            SELECT message_id, recipient, status, sent_at, delivered_at, read_at, played_at, failed_at, error_code,
                   error_title, pricing_category, billable, pricing_type, pricing_model, conversation_id
              FROM message_states WHERE message_id = ANY($1) ORDER BY message_id FOR UPDATE""";

    static MessageState from(Row row) {
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
    static Uni<Void> update(SqlClient tx, List<MessageState> states, Instant now) {
        int n = states.size();
        String[] ids = new String[n];
        String[] recipients = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] sent = new OffsetDateTime[n];
        OffsetDateTime[] delivered = new OffsetDateTime[n];
        OffsetDateTime[] read = new OffsetDateTime[n];
        OffsetDateTime[] played = new OffsetDateTime[n];
        OffsetDateTime[] failed = new OffsetDateTime[n];
        Integer[] codes = new Integer[n];
        String[] titles = new String[n];
        String[] categories = new String[n];
        Boolean[] billable = new Boolean[n];
        String[] types = new String[n];
        String[] models = new String[n];
        String[] conversations = new String[n];
        for (int i = 0; i < n; i++) {
            MessageState s = states.get(i);
            ids[i] = s.messageId();
            recipients[i] = s.recipient();
            statuses[i] = s.status().wire();
            sent[i] = time(s.sentAt());
            delivered[i] = time(s.deliveredAt());
            read[i] = time(s.readAt());
            played[i] = time(s.playedAt());
            failed[i] = time(s.failedAt());
            codes[i] = s.errorCode();
            titles[i] = s.errorTitle();
            categories[i] = s.pricingCategory();
            billable[i] = s.billable();
            types[i] = s.pricingType();
            models[i] = s.pricingModel();
            conversations[i] = s.conversationId();
        }
        return tx.preparedQuery(UPDATE).execute(Tuple.from(new Object[]{ids, recipients, statuses, sent, delivered,
                read, played, failed, codes, titles, categories, billable, types, models, conversations, time(now)}))
                .replaceWithVoid();
    }

    // the send's own change time moves too, so incremental sync of sends sees delivery and read (a data-modifying
    // WITH runs to completion whether or not the outer statement reads it)
    private static final String UPDATE = """
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
}
