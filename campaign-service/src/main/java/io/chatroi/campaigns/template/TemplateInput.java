package io.chatroi.campaigns.template;

import java.util.List;

public record TemplateInput(String name, String language, String category, String body, List<TemplateButton> buttons) {
}
