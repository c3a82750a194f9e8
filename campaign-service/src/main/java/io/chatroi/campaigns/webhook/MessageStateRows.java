package io.chatroi.campaigns.webhook;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.campaigns.receipt.DeliveryStatus;
import io.chatroi.campaigns.receipt.MessageState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;
import static io.chatroi.common.sql.SqlTimes.instant;

/** Maps the message_states table to {@link MessageState} and back. */
final class MessageStateRows {

    private MessageStateRows() {
    }

    static MessageState from(Row row) {
        return new MessageState(row.getString("message_id"), row.getString("recipient"),
                DeliveryStatus.fromWire(row.getString("status")), instant(row, "sent_at"),
                instant(row, "delivered_at"), instant(row, "read_at"), instant(row, "played_at"),
                instant(row, "failed_at"), row.getInteger("error_code"), row.getString("error_title"),
                row.getString("pricing_category"), row.getBoolean("billable"), row.getString("pricing_type"),
                row.getString("pricing_model"), row.getString("conversation_id"));
    }

    static Uni<Void> update(SqlClient tx, List<MessageState> states, Instant now) {
        List<Tuple> batch = states.stream().map(s -> Tuple.from(new Object[]{s.messageId(), s.recipient(),
                s.status().wire(), time(s.sentAt()), time(s.deliveredAt()), time(s.readAt()), time(s.playedAt()),
                time(s.failedAt()), s.errorCode(), s.errorTitle(), s.pricingCategory(), s.billable(),
                s.pricingType(), s.pricingModel(), s.conversationId(), time(now)})).toList();
        return tx.preparedQuery("UPDATE message_states SET recipient = $2, status = $3, sent_at = $4,"
                + " delivered_at = $5, read_at = $6, played_at = $7, failed_at = $8, error_code = $9,"
                + " error_title = $10, pricing_category = $11, billable = $12, pricing_type = $13,"
                + " pricing_model = $14, conversation_id = $15, updated_at = $16 WHERE message_id = $1")
                .executeBatch(batch)
                // the send's own change time moves too, so incremental sync of sends sees delivery and read
                .chain(() -> tx.preparedQuery("UPDATE sends SET updated_at = $2 WHERE provider_message_id = ANY($1)")
                        .execute(Tuple.of(states.stream().map(MessageState::messageId).toArray(String[]::new),
                                time(now))))
                .replaceWithVoid();
    }

}
