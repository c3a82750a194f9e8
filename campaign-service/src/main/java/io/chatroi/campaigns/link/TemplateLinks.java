package io.chatroi.campaigns.link;

import io.chatroi.campaigns.template.TemplateButton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The links of a template that are tracked, in a fixed order that link codes refer to: the body's http(s) links as
 * they appear, then the URL buttons in button order.
 */
public final class TemplateLinks {

    /** One tracked link: where it sits ({@code body}, or {@code button} with the button's position) and its URL. */
    public record Link(
            int index,
            String kind,
            @Schema(nullable = true) Integer buttonIndex,
            String url) {
    }

    private static final Pattern BODY_URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

    private TemplateLinks() {
    }

    public static List<Link> of(String body, List<TemplateButton> buttons) {
        List<Link> links = new ArrayList<>();
        if (body != null) {
            Matcher matcher = BODY_URL.matcher(body);
            while (matcher.find()) {
                links.add(new Link(links.size(), "body", null, matcher.group()));
            }
        }
        if (buttons != null) {
            for (int i = 0; i < buttons.size(); i++) {
                if ("url".equals(buttons.get(i).type())) {
                    links.add(new Link(links.size(), "button", i, buttons.get(i).url()));
                }
            }
        }
        return links;
    }
}
