package io.chatroi.campaigns.template;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored template (a row of templates). {@code status} is Meta's last reported status (APPROVED, REJECTED,
 * PAUSED, DISABLED...), null until Meta reports one.
 */
public record Template(UUID id, String name, String language, String category, String body, TemplateContent content,
                       String status, String statusReason, Instant statusAt, Instant createdAt, Instant updatedAt) {
}
