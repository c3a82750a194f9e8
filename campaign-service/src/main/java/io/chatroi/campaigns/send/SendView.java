package io.chatroi.campaigns.send;

import java.time.Instant;
import java.util.UUID;

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

}
