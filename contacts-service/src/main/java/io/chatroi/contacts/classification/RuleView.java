package io.chatroi.contacts.classification;

import java.time.Instant;
import java.util.UUID;

/**
 * A trigger rule: {@code kind} intent (label high|medium|potential|none), interest (label an interest group such as
 * discount) or opt-out (label stop); {@code phrase} is matched as a whole word, or as a substring in Chinese.
 */
public record RuleView(UUID id, String kind, String label, String phrase, boolean system, Instant createdAt) {
}
