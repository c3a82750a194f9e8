package io.chatroi.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouteRulesTest {

    private static String decidingPattern(String path) {
        return RouteRules.match(path).map(RouteRule::pattern).orElse(null);
    }

    @Test
    void theMostSpecificRowDecides() {
        assertThat(decidingPattern("/api/v1/contacts")).isEqualTo("/api/v1/contacts");
        assertThat(decidingPattern("/api/v1/contacts/42/interactions")).isEqualTo("/api/v1/contacts/*");
        assertThat(decidingPattern("/api/v1/contacts/42/tags/vip")).isEqualTo("/api/v1/contacts/*/tags");
        // a literal beats * at the first segment where two rows differ
        assertThat(decidingPattern("/api/v1/contacts/import")).isEqualTo("/api/v1/contacts/import");
        assertThat(decidingPattern("/api/v1/campaigns/42/experiment")).isEqualTo("/api/v1/campaigns/*/experiment");
        assertThat(decidingPattern("/api/v1/campaigns/42/launch")).isEqualTo("/api/v1/campaigns");
        assertThat(decidingPattern("/api/v1/unknown")).isEqualTo("/api");
        assertThat(decidingPattern("/q/health")).isNull();
    }

    @Test
    void theIndexedLookupDecidesAsAScanOfEveryRow() {
        List<String> paths = new ArrayList<>(List.of("/", "/api", "/api/v1", "/api/v1/", "/api/v1/unknown", "/r/abc",
                "/webhooks/whatsapp", "/q/health", "/api/v2/contacts"));
        for (RouteRule rule : RouteRules.all()) {
            String path = rule.pattern().replace("*", "42");
            paths.addAll(List.of(path, path + "/x", path + "/x/y", path + "/"));
        }
        for (String path : paths) {
            String[] parts = path.substring(1).split("/", -1);
            RouteRule scanned = null;
            for (RouteRule rule : RouteRules.all()) {
                if (rule.matches(parts) && (scanned == null || rule.moreSpecificThan(scanned))) {
                    scanned = rule;
                }
            }
            assertThat(RouteRules.match(path)).as(path).isEqualTo(Optional.ofNullable(scanned));
        }
    }

    @Test
    void everyRouteGoesToOneServiceWithOrWithoutAKey() {
        assertThat(RouteTable.ROUTES).extracting(Route::name)
                .containsExactlyInAnyOrder("contacts", "campaign", "metrics", "webhooks", "redirects");
        assertThat(RouteRules.all()).filteredOn(rule -> rule.route().isPresent() && !rule.route().get().keyRequired())
                .extracting(RouteRule::pattern).containsExactlyInAnyOrder("/webhooks", "/r");
    }
}
