package io.chatroi.contacts.contact;

import io.chatroi.contacts.followup.FollowUp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contact as the API returns it. {@code tags} holds the assigned tags plus the live activity and intent tiers;
 * {@code activity}, {@code intent} and {@code customerClass} are computed at read time, so they are never stale.
 * Members that may be null (unset, or removed by erasure) say so in the contract. A contact WhatsApp knows by
 * username alone has no phone, only {@code whatsappUserId} (Meta's business-scoped user id); {@code mergedInto}
 * names the contact this one was merged into (it is then erased).
 */
public record Contact(
        UUID id,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String company,
        @Schema(nullable = true) String country,
        @Schema(nullable = true) String language,
        @Schema(nullable = true) String timeZone,
        @Schema(enumeration = {"trade_show", "b2b_inquiry", "website", "social", "ads_ctwa", "referral", "import", "other"}) String source,
        @Schema(nullable = true) String owner,
        @Schema(enumeration = {"new", "engaged", "inquiry", "quoted", "customer", "repeat_customer", "churned"}) String stage,
        @Schema(nullable = true) Instant acceptedAt,
        boolean optedOut,
        @Schema(nullable = true) Instant optedOutAt,
        @Schema(nullable = true) UUID referredBy,
        Map<String,
        Object> attributes,
        List<String> tags,
        String activity,
        @Schema(nullable = true) String intent,
        @Schema(nullable = true) String customerClass,
        @Schema(nullable = true) Instant lastInboundAt,
        @Schema(nullable = true) Instant lastOutboundAt,
        @Schema(nullable = true) FollowUp followUp,
        boolean erased,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, example = "US.13491208655302741918") String whatsappUserId,
        @Schema(nullable = true, example = "@realsheenanelson") String username,
        @Schema(nullable = true) UUID mergedInto) {
}
