package io.chatroi.campaigns.send;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One send as the API shows it: the dispatcher's status, the folded delivery state of its provider message
 * ({@code delivery}: sent, delivered, read or failed, with Meta's pricing), and what the contact did about it
 * (first reply, first reaction, first click, clicks in all, opt-out).
 */
public record SendView(
        UUID id,
        UUID campaignId,
        @Schema(nullable = true) String variant,
        UUID contactId,
        @Schema(nullable = true) String phone,
        String status,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) Integer errorCode,
        int attempts,
        @Schema(nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) String providerMessageId,
        @Schema(nullable = true) Instant sentAt,
        @Schema(nullable = true) String delivery,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) Instant readAt,
        @Schema(nullable = true) Instant repliedAt,
        @Schema(nullable = true) Instant reactedAt,
        @Schema(nullable = true) Instant clickedAt,
        int clicks,
        @Schema(nullable = true) Instant optedOutAt,
        @Schema(nullable = true) String pricingCategory,
        @Schema(nullable = true) Boolean billable,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLUMNS = "s.id, s.campaign_id, s.variant, s.contact_id, s.phone, s.status, s.reason,"
            + " coalesce(m.error_code, s.error_code) AS error_code, s.attempts, s.next_attempt_at,"
            + " s.provider_message_id, coalesce(s.sent_at, m.sent_at) AS sent_at, m.status AS delivery,"
            + " m.delivered_at, m.read_at, s.replied_at, s.reacted_at, s.clicked_at, s.clicks, s.opted_out_at,"
            + " m.pricing_category, m.billable, s.created_at, s.updated_at"
            + " FROM sends s LEFT JOIN message_states m ON m.message_id = s.provider_message_id";

    static SendView from(Row row) {
        return new SendView(row.getUUID("id"), row.getUUID("campaign_id"), row.getString("variant"),
                row.getUUID("contact_id"), row.getString("phone"), row.getString("status"), row.getString("reason"),
                row.getInteger("error_code"), row.getInteger("attempts"), instant(row, "next_attempt_at"),
                row.getString("provider_message_id"), instant(row, "sent_at"), row.getString("delivery"),
                instant(row, "delivered_at"), instant(row, "read_at"), instant(row, "replied_at"),
                instant(row, "reacted_at"), instant(row, "clicked_at"), row.getInteger("clicks"),
                instant(row, "opted_out_at"), row.getString("pricing_category"), row.getBoolean("billable"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

}
