package io.chatroi.campaigns.link;

import io.chatroi.campaigns.template.TemplateButton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkPartsTest {

    private final LinkCode codes = new LinkCode("secret-one");

    @Test
    void aCodeNamesItsSendAndLinkAndSurvivesNoAlteration() {
        UUID send = UUID.randomUUID();
        String code = codes.encode(send, 3);
        assertThat(code).matches("[A-Za-z0-9_-]{34}");
        assertThat(codes.decode(code)).contains(new LinkCode.Target(send, 3));
        assertThat(new LinkCode("another-secret").decode(code)).as("signed with another key").isEmpty();
        char[] chars = code.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char[] altered = chars.clone();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            assertThat(codes.decode(new String(altered))).as("altered at " + i).isEmpty();
        }
        assertThat(codes.decode("short")).isEmpty();
        assertThat(codes.decode("!!!")).isEmpty();
        assertThatThrownBy(() -> codes.encode(send, 256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utmTagsAreAddedKeepingQueryAndFragmentAndTheLinksOwnUtmValues() {
        assertThat(Utm.tag("https://shop.example.com", "Spring sale", "B"))
                .isEqualTo("https://shop.example.com?utm_source=whatsapp&utm_medium=message&utm_campaign=Spring+sale"
                        + "&utm_content=B");
        assertThat(Utm.tag("https://shop.example.com/p?id=7#reviews", "x", "A"))
                .isEqualTo("https://shop.example.com/p?id=7&utm_source=whatsapp&utm_medium=message&utm_campaign=x"
                        + "&utm_content=A#reviews");
        assertThat(Utm.tag("https://shop.example.com/?utm_source=newsletter", "x", "A"))
                .isEqualTo("https://shop.example.com/?utm_source=newsletter&utm_medium=message&utm_campaign=x"
                        + "&utm_content=A");
    }

    @Test
    void trackedLinksAreTheBodyLinksThenTheUrlButtons() {
        List<TemplateLinks.Link> links = TemplateLinks.of("New in: https://shop.example.com/new. Sale (https://s.example.com/x)!",
                List.of(new TemplateButton("quick_reply", "Stop", null, "STOP"),
                        new TemplateButton("url", "Shop", "https://shop.example.com", null)));
        assertThat(links).containsExactly(
                new TemplateLinks.Link(0, "body", null, "https://shop.example.com/new"),
                new TemplateLinks.Link(1, "body", null, "https://s.example.com/x"),
                new TemplateLinks.Link(2, "button", 1, "https://shop.example.com"));
        assertThat(TemplateLinks.of("no links", null)).isEmpty();
    }
}
