package io.chatroi.contacts.preference;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Many contacts' send-eligibility for one category at one instant (a dispatcher's batch). */
public record BulkEligibilityRequest(List<UUID> contactIds, Instant at, String category) {
}
