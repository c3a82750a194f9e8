package io.chatroi.campaigns.template;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A template; {@code parameters} lists its body placeholders in order ("1", "2"... or names). */
public record TemplateView(UUID id, String name, String language, String category, String body,
                           List<String> parameters, List<TemplateButton> buttons, Instant createdAt,
                           Instant updatedAt) {

    static TemplateView of(Template t) {
        return new TemplateView(t.id, t.name, t.language, t.category, t.body, t.content.parameters(),
                t.content.buttons(), t.createdAt,
                t.updatedAt);
    }
}
