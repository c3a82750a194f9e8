package io.chatroi.campaigns.send;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;
import static io.chatroi.common.sql.SqlTimes.instant;

/**
 * One send with its delivery state: {@code status} is the dispatcher's (queued, deferred, skipped, holdout,
 * sending, sent, failed), {@code delivery} the receipts' fold (sent, delivered, read, failed) once the provider
 * took the message.
 */
public record SendView(UUID id, UUID campaignId, String variant, UUID contactId, String phone, String status,
                       String reason, Integer errorCode, int attempts, Instant nextAttemptAt, String providerMessageId,
                       Instant sentAt, String delivery, Instant deliveredAt, Instant readAt, Instant createdAt,
                       Instant updatedAt) {

    static final String COLUMNS = "s.id, s.campaign_id, s.variant, s.contact_id, s.phone, s.status, s.reason,"
            + " coalesce(m.error_code, s.error_code) AS error_code, s.attempts, s.next_attempt_at,"
            + " s.provider_message_id, s.sent_at, m.status AS delivery, m.delivered_at, m.read_at, s.created_at,"
            + " s.updated_at FROM sends s LEFT JOIN message_states m ON m.message_id = s.provider_message_id";

    static SendView from(Row row) {
        return new SendView(row.getUUID("id"), row.getUUID("campaign_id"), row.getString("variant"),
                row.getUUID("contact_id"), row.getString("phone"), row.getString("status"), row.getString("reason"),
                row.getInteger("error_code"), row.getInteger("attempts"), instant(row, "next_attempt_at"),
                row.getString("provider_message_id"), instant(row, "sent_at"), row.getString("delivery"),
                instant(row, "delivered_at"), instant(row, "read_at"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

}
