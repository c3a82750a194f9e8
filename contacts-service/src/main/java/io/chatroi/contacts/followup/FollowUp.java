package io.chatroi.contacts.followup;

import java.time.Instant;

/** When a salesperson should next write to a contact, and why. */
public record FollowUp(Instant dueAt, String reason) {
}
