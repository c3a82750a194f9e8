package io.chatroi.contacts.filter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatroi.contacts.tier.ActivityTier;

import java.time.Instant;
import java.util.List;

/**
 * The contact filter shared by the contact list (as query parameters) and saved segments (as JSON): same names,
 * same meaning. Lists are ORs within a field; fields are ANDed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContactFilter(List<String> tagsAll, List<String> tagsAny, List<String> tagsNone,
                            List<String> stages, List<String> owners, List<String> sources, List<String> countries,
                            List<String> activity, List<String> intent, Boolean optedOut, String q,
                            Instant createdAfter, Instant createdBefore,
                            Instant lastInboundAfter, Instant lastInboundBefore, Instant updatedAfter,
                            List<String> behaviour, List<String> customerClass) {

    public static final List<String> FIELDS = List.of("tagsAll", "tagsAny", "tagsNone", "stages", "owners", "sources",
            "countries", "activity", "intent", "optedOut", "q", "createdAfter", "createdBefore", "lastInboundAfter",
            "lastInboundBefore", "updatedAfter", "behaviour", "customerClass");

    public static final ContactFilter EMPTY = new ContactFilter(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, null, List.of(), List.of());

    /** Incremental sync mode: ordered by (updatedAt, id), erased contacts included so consumers see erasures. */
    public boolean syncMode() {
        return updatedAfter != null;
    }

    public ContactOrder order() {
        if (syncMode()) {
            return ContactOrder.SYNC;
        }
        return boundsLastInbound() ? ContactOrder.RECENTLY_ACTIVE : ContactOrder.NEWEST;
    }

    /** True when every match has an inbound message in a bounded recent window (high, medium or low activity). */
    private boolean boundsLastInbound() {
        boolean activityTiers = !activity.isEmpty()
                && activity.stream().noneMatch(ActivityTier.DORMANT.wire()::equals);
        boolean activityTag = tagsAll.stream().anyMatch(tag -> {
            ActivityTier tier = tag.startsWith("activity:") ? ActivityTier.fromWire(tag.substring(9)) : null;
            return tier != null && tier != ActivityTier.DORMANT;
        });
        return activityTiers || activityTag || lastInboundAfter != null;
    }
}
