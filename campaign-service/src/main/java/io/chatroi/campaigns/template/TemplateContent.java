package io.chatroi.campaigns.template;

import java.util.List;

/** A template's placeholders (in order) and buttons, stored together as one JSON object. */
public record TemplateContent(List<String> parameters, List<TemplateButton> buttons) {
}
