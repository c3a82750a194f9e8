package io.chatroi.campaigns.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A template button: {@code quick_reply} (with an optional payload) or {@code url}. */
public record TemplateButton(
        String type,
        String text,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String payload) {
}
