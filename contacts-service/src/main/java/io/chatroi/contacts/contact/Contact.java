package io.chatroi.contacts.contact;

import io.chatroi.contacts.followup.FollowUp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contact as the API returns it. {@code tags} holds the assigned tags plus the live activity and intent tiers;
 * {@code activity}, {@code intent} and {@code customerClass} are computed at read time, so they are never stale.
 */
public record Contact(UUID id, String phone, String name, String company, String country, String language,
                      String timeZone, String source, String owner, String stage, Instant acceptedAt,
                      boolean optedOut, Instant optedOutAt, UUID referredBy, Map<String, Object> attributes,
                      List<String> tags, String activity, String intent, String customerClass,
                      Instant lastInboundAt, Instant lastOutboundAt, FollowUp followUp,
                      boolean erased, Instant createdAt, Instant updatedAt) {
}
