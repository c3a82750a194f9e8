package io.chatroi.campaigns.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign with its live counters, in total and per variant (null and empty before launch). */
public record CampaignView(
        UUID id,
        String name,
        @Schema(nullable = true) String owner,
        Map<String, Object> audience,
        List<Campaign.Variant> variants,
        int holdoutWeight,
        @Schema(nullable = true) Instant scheduledAt,
        CampaignInput.Goal goal,
        CampaignInput.Rules rules,
        @Schema(enumeration = {"draft", "scheduled", "sending", "paused", "completed", "cancelled"}) String status,
        boolean audienceResolved,
        @Schema(nullable = true) Instant launchedAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(nullable = true) Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) Counters counters,
        Map<String, Counters> countersByVariant,
        @Schema(nullable = true, description = "why the campaign paused itself (its template was paused or disabled"
                + " at Meta); null after a manual pause") String pausedReason,
        @Schema(nullable = true) Instant pausedAt) {

    static CampaignView of(Campaign c, Counters counters, Map<String, Counters> countersByVariant) {
        return new CampaignView(c.id(), c.name(), c.owner(), c.audience(), c.split().variants(),
                c.split().holdoutWeight(), c.scheduledAt(), new CampaignInput.Goal(c.goal(), c.attributionDays()),
                new CampaignInput.Rules(c.respectQuietHours(), c.frequencyCap(), c.capAction(), c.respectOptOut()),
                c.status(), c.audienceResolved(), c.launchedAt(), c.completedAt(), c.cancelledAt(), c.createdAt(),
                c.updatedAt(), counters, countersByVariant, c.pausedReason(), c.pausedAt());
    }
}
