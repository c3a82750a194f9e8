package io.chatroi.contacts.ad;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A click-to-WhatsApp ad a contact came through: Meta's referral on the message it sent from the ad. */
public record AdReferralView(
        UUID id,
        UUID contactId,
        UUID interactionId,
        @Schema(nullable = true, description = "the ad's id") String sourceId,
        @Schema(nullable = true, description = "ad or post") String sourceType,
        @Schema(nullable = true) String sourceUrl,
        @Schema(nullable = true) String headline,
        @Schema(nullable = true, description = "Meta's click id, for conversion reporting") String ctwaClid,
        @Schema(description = "the message's time") Instant at,
        @Schema(description = "when it was recorded: the sync feed's order") Instant createdAt) {
}
