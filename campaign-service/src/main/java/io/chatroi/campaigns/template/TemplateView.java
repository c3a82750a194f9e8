package io.chatroi.campaigns.template;

import io.chatroi.campaigns.link.TemplateLinks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template; {@code parameters} lists its body placeholders in order ("1", "2"... or names); {@code trackedLinks}
 * are the body links and URL buttons each send rewrites to its own {@code /r/{code}} link (register a URL button at
 * Meta as {@code <public url>/r/{{1}}}: the send fills in its code). {@code status} is Meta's last verdict on the
 * template (message_template_status_update) with its reason and time; null until Meta reports one.
 */
public record TemplateView(UUID id, String name, String language, String category, String body,
                           List<String> parameters, List<TemplateButton> buttons,
                           List<TemplateLinks.Link> trackedLinks, Instant createdAt, Instant updatedAt,
                           @Schema(nullable = true, description = "APPROVED, REJECTED, PAUSED, DISABLED... as Meta"
                                   + " reported it") String status,
                           @Schema(nullable = true) String statusReason,
                           @Schema(nullable = true) Instant statusAt) {

    static TemplateView of(Template t) {
        return new TemplateView(t.id(), t.name(), t.language(), t.category(), t.body(), t.content().parameters(),
                t.content().buttons(), TemplateLinks.of(t.body(), t.content().buttons()), t.createdAt(),
                t.updatedAt(), t.status(), t.statusReason(), t.statusAt());
    }
}
