package io.chatroi.campaigns.template;

/** A template button: {@code quick_reply} (with an optional payload) or {@code url}. */
public record TemplateButton(String type, String text, String url, String payload) {
}
