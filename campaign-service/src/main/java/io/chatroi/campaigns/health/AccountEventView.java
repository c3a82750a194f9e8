package io.chatroi.campaigns.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One account-health event as Meta reported it. {@code field}: message_template_status_update (the template
 * fields and reason), phone_number_quality_update (the number and its limits) or account_update (violation or
 * ban). {@code severity} is what the alerts fire on: critical stops sending (a paused or disabled template, a ban,
 * a restriction or violation), warning threatens it (a rejected template, a flagged or downgraded number).
 */
public record AccountEventView(
        UUID id,
        @Schema(enumeration = {HealthEvent.TEMPLATE_STATUS, HealthEvent.PHONE_QUALITY, HealthEvent.ACCOUNT})
        String field,
        @Schema(nullable = true, description = "Meta's event: APPROVED, PAUSED, FLAGGED, DOWNGRADE, ACCOUNT_VIOLATION...")
        String event,
        @Schema(enumeration = {"info", "warning", "critical"}) String severity,
        Instant at,
        Instant receivedAt,
        @Schema(nullable = true) String wabaId,
        @Schema(nullable = true) String templateId,
        @Schema(nullable = true) String templateName,
        @Schema(nullable = true) String templateLanguage,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String displayPhoneNumber,
        @Schema(nullable = true) String oldLimit,
        @Schema(nullable = true) String currentLimit,
        @Schema(nullable = true) String maxDailyConversations,
        @Schema(nullable = true) String violationType,
        @Schema(nullable = true) String banState) {
}
