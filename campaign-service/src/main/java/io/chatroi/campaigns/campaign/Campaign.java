package io.chatroi.campaigns.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored campaign (a row of campaigns). {@code audienceCursor} and {@code audienceResolved} are the launch's
 * progress through the audience; {@code pausedReason} says why the product paused it (its template was paused or
 * disabled at Meta), null otherwise.
 */
public record Campaign(UUID id, String name, String owner, Map<String, Object> audience, Split split,
                       Instant scheduledAt, String goal, int attributionDays, boolean respectQuietHours,
                       boolean frequencyCap, String capAction, boolean respectOptOut, String status,
                       String audienceCursor, boolean audienceResolved, Instant launchedAt, Instant completedAt,
                       Instant cancelledAt, String pausedReason, Instant pausedAt, Instant createdAt,
                       Instant updatedAt) {

    /**
     * One A/B variant: its key (A, B...), the template it sends, its share of the audience and the values of the
     * template's body placeholders, in order.
     */
    public record Variant(String key, UUID templateId, int weight, List<String> parameters) {

        public List<String> parameters() {
            return parameters == null ? List.of() : parameters;
        }
    }

    /** The variants and the holdout share, stored as one JSON object. */
    public record Split(List<Variant> variants, int holdoutWeight) {
    }

    /** What a new campaign is made of, once validated; the rest starts as a draft's. */
    public record Draft(String name, String owner, Map<String, Object> audience, Split split, Instant scheduledAt,
                        String goal, int attributionDays, boolean respectQuietHours, boolean frequencyCap,
                        String capAction, boolean respectOptOut) {
    }
}
