package io.chatroi.campaigns.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A campaign to create. {@code audience} is {"segmentId": "..."} or {"filter": {...}} with contacts-service's filter
 * fields; {@code goal} is {"type": "reply" | "click" | "deal_won" | "revenue", "attributionDays": 7}; {@code rules} switch quiet
 * hours, the weekly frequency cap (with capAction defer or skip) and opt-out (always on for marketing).
 */
public record CampaignInput(String name, String owner, Map<String, Object> audience, List<Campaign.Variant> variants,
                            Integer holdoutWeight, Instant scheduledAt, Goal goal, Rules rules) {

    public record Goal(
            String type,
            @Schema(nullable = true) Integer attributionDays) {
    }

    public record Rules(
            @Schema(nullable = true) Boolean respectQuietHours,
            @Schema(nullable = true) Boolean frequencyCap,
            @Schema(nullable = true) String capAction,
            @Schema(nullable = true) Boolean respectOptOut) {
    }
}
