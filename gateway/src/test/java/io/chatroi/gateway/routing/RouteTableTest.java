package io.chatroi.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @Test
    void apiFamiliesGoToTheirServices() {
        assertThat(RouteTable.route("/api/v1/contacts")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/contacts/1/tags/vip")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/follow-ups")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/identity-changes")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/contact-merges")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/top-asks")).contains(RouteTable.CONTACTS);
        assertThat(RouteTable.route("/api/v1/campaigns/1/launch")).contains(RouteTable.CAMPAIGN);
        assertThat(RouteTable.route("/api/v1/conversations")).contains(RouteTable.CAMPAIGN);
        assertThat(RouteTable.route("/api/v1/account-events")).contains(RouteTable.CAMPAIGN);
        assertThat(RouteTable.route("/api/v1/kpis")).contains(RouteTable.METRICS);
        assertThat(RouteTable.route("/api/v1/conversation-outcomes/hanging")).contains(RouteTable.METRICS);
        assertThat(RouteTable.route("/api/v1/recompute")).contains(RouteTable.METRICS);
        assertThat(RouteTable.route("/api/v1/message-rates/1")).contains(RouteTable.METRICS);
    }

    @Test
    void absoluteLocationsOfServicesBecomePaths() {
        java.net.URI service = java.net.URI.create("http://10.0.0.7:8081");
        assertThat(Forwarding.relativeLocation("http://10.0.0.7:8081/api/v1/contacts/1?x=y", service))
                .isEqualTo("/api/v1/contacts/1?x=y");
        assertThat(Forwarding.relativeLocation("/api/v1/contacts/1", service)).isEqualTo("/api/v1/contacts/1");
        // a tracked link's landing page is somebody else's site
        assertThat(Forwarding.relativeLocation("https://shop.example.com/x?utm_source=wa", service))
                .isEqualTo("https://shop.example.com/x?utm_source=wa");
        assertThat(Forwarding.relativeLocation("http://10.0.0.7:9999/x", service)).isEqualTo("http://10.0.0.7:9999/x");
    }

    @Test
    void theExperimentOfACampaignIsMetrics() {
        assertThat(RouteTable.route("/api/v1/campaigns/42/experiment")).contains(RouteTable.METRICS);
        assertThat(RouteTable.route("/api/v1/campaigns/42/experiment/details")).contains(RouteTable.METRICS);
        assertThat(RouteTable.route("/api/v1/campaigns/42/sends")).contains(RouteTable.CAMPAIGN);
    }

    @Test
    void publicPathsNeedNoKeyAndUnknownOnesStayAtTheGateway() {
        assertThat(RouteTable.route("/webhooks/whatsapp")).contains(RouteTable.WEBHOOKS);
        assertThat(RouteTable.WEBHOOKS.keyRequired()).isFalse();
        assertThat(RouteTable.route("/r/Ab3x")).contains(RouteTable.REDIRECTS);
        assertThat(RouteTable.route("/rx")).isEmpty();
        assertThat(RouteTable.route("/api/v1/api-keys")).isEmpty();
        assertThat(RouteTable.route("/api/v1/contactsX")).isEmpty();
        assertThat(RouteTable.route("/q/health")).isEqualTo(Optional.empty());
    }

    @Test
    void metricsNameARequestByItsRouteFamilyNeverByTheIdsInItsPath() {
        assertThat(RouteTable.template("/api/v1/contacts")).isEqualTo("/api/v1/contacts");
        assertThat(RouteTable.template("/api/v1/contacts/6f1c2a9e-0d7b-4c8e-9d3a-2b4f5e6a7c8d/tags/vip"))
                .isEqualTo("/api/v1/contacts/**");
        assertThat(RouteTable.template("/webhooks/whatsapp")).isEqualTo("/webhooks/**");
        assertThat(RouteTable.template("/r/AbC123xyz")).isEqualTo("/r/{code}");
    }
}
