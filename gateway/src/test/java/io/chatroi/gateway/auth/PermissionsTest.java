package io.chatroi.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.chatroi.gateway.auth.Permissions.allows;
import static io.chatroi.gateway.auth.Role.ADMIN;
import static io.chatroi.gateway.auth.Role.AGENT;
import static io.chatroi.gateway.auth.Role.INTEGRATOR;
import static io.chatroi.gateway.auth.Role.MANAGER;
import static io.chatroi.gateway.auth.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    @Test
    void adminMayDoEverythingIncludingKeys() {
        assertThat(allows(ADMIN, "POST", "/api/v1/api-keys")).isTrue();
        assertThat(allows(ADMIN, "DELETE", "/api/v1/contacts/1")).isTrue();
        assertThat(allows(ADMIN, "GET", "/api/v1/anything")).isTrue();
    }

    @Test
    void managerMayDoEverythingButKeys() {
        assertThat(allows(MANAGER, "POST", "/api/v1/campaigns/1/launch")).isTrue();
        assertThat(allows(MANAGER, "POST", "/api/v1/costs")).isTrue();
        assertThat(allows(MANAGER, "GET", "/api/v1/roi")).isTrue();
        assertThat(allows(MANAGER, "DELETE", "/api/v1/contacts/1")).isTrue();
        assertThat(allows(MANAGER, "GET", "/api/v1/api-keys")).isFalse();
        assertThat(allows(MANAGER, "POST", "/api/v1/api-keys")).isFalse();
    }

    @Test
    void agentWorksOnContactsAndDealsAndReadsItsScorecard() {
        assertThat(allows(AGENT, "GET", "/api/v1/contacts")).isTrue();
        assertThat(allows(AGENT, "PATCH", "/api/v1/contacts/1")).isTrue();
        assertThat(allows(AGENT, "POST", "/api/v1/contacts/1/interactions")).isTrue();
        assertThat(allows(AGENT, "PUT", "/api/v1/contacts/1/tags/vip")).isTrue();
        assertThat(allows(AGENT, "DELETE", "/api/v1/contacts/1/tags/vip")).isTrue();
        assertThat(allows(AGENT, "POST", "/api/v1/deals")).isTrue();
        assertThat(allows(AGENT, "PATCH", "/api/v1/deals/1")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/follow-ups")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/scorecards")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/conversation-outcomes/hanging")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/conversation-outcomes/hanging/owners")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/top-asks")).isTrue();
        assertThat(allows(AGENT, "POST", "/api/v1/conversations/resolutions")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/conversations/resolutions")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/conversations")).isFalse();
        assertThat(allows(AGENT, "DELETE", "/api/v1/contacts/1")).isFalse();
        assertThat(allows(AGENT, "POST", "/api/v1/contacts/import")).isFalse();
        assertThat(allows(AGENT, "POST", "/api/v1/contacts/retier")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/contacts/export")).isTrue();
        assertThat(allows(AGENT, "POST", "/api/v1/tags")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/segments")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/campaigns")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/kpis")).isFalse();
        assertThat(allows(AGENT, "POST", "/api/v1/scorecards")).isFalse();
    }

    @Test
    void integratorPushesButReadsNoReports() {
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/contacts/import")).isTrue();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/interactions")).isTrue();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/receipts")).isTrue();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/deals")).isTrue();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/costs")).isTrue();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/sends")).isTrue();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/kpis")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/roi")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/conversation-outcomes/hanging")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/top-asks")).isFalse();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/conversations/resolutions")).isTrue();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/conversations")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/campaigns/1/experiment")).isFalse();
        assertThat(allows(INTEGRATOR, "DELETE", "/api/v1/contacts/1")).isFalse();
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/campaigns")).isFalse();
        // WhatsApp identity changes from another inbox, and the merges a fact store must follow
        assertThat(allows(INTEGRATOR, "POST", "/api/v1/identity-changes")).isTrue();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/contact-merges")).isTrue();
        assertThat(allows(INTEGRATOR, "DELETE", "/api/v1/contact-merges")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/contact-merges")).isFalse();
        assertThat(allows(AGENT, "POST", "/api/v1/identity-changes")).isFalse();
        assertThat(allows(VIEWER, "GET", "/api/v1/contact-merges")).isFalse();
        assertThat(allows(MANAGER, "POST", "/api/v1/identity-changes")).isTrue();
    }

    @Test
    void viewerReadsReportsOnly() {
        assertThat(allows(VIEWER, "GET", "/api/v1/kpis")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/campaigns/1/experiment")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/scorecards")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/conversation-outcomes/hanging")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/top-asks")).isTrue();
        assertThat(allows(VIEWER, "HEAD", "/api/v1/funnel")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/campaigns")).isTrue();
        assertThat(allows(VIEWER, "POST", "/api/v1/costs")).isFalse();
        assertThat(allows(VIEWER, "POST", "/api/v1/recompute")).isFalse();
        assertThat(allows(VIEWER, "GET", "/api/v1/contacts")).isFalse();
        assertThat(allows(VIEWER, "POST", "/api/v1/campaigns/1/launch")).isFalse();
    }

    @Test
    void theListsBehindReportNumbersNameContactsSoViewersDoNotReadThem() {
        for (String path : List.of("/api/v1/funnel/contacts", "/api/v1/kpis/conversions", "/api/v1/kpis/won-deals",
                "/api/v1/roi/deals")) {
            assertThat(allows(MANAGER, "GET", path)).as(path).isTrue();
            assertThat(allows(ADMIN, "GET", path)).as(path).isTrue();
            assertThat(allows(VIEWER, "GET", path)).as(path).isFalse();
            assertThat(allows(AGENT, "GET", path)).as(path).isFalse();
            assertThat(allows(INTEGRATOR, "GET", path)).as(path).isFalse();
        }
        // the reports above them stay readable by viewers
        assertThat(allows(VIEWER, "GET", "/api/v1/kpis/catalog")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/funnel")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/roi")).isTrue();
    }

    @Test
    void theListsBehindAScorecardRowAreAnAgentsOwnButNoViewers() {
        for (String path : List.of("/api/v1/scorecards/contacts", "/api/v1/scorecards/deals")) {
            assertThat(allows(MANAGER, "GET", path)).as(path).isTrue();
            assertThat(allows(ADMIN, "GET", path)).as(path).isTrue();
            // narrowed to its own owner by the route rules' owner scope (AgentQueriesTest)
            assertThat(allows(AGENT, "GET", path)).as(path).isTrue();
            assertThat(allows(AGENT, "POST", path)).as(path).isFalse();
            assertThat(allows(VIEWER, "GET", path)).as(path).isFalse();
            assertThat(allows(INTEGRATOR, "GET", path)).as(path).isFalse();
        }
        assertThat(allows(VIEWER, "GET", "/api/v1/scorecards")).isTrue();
    }

    @Test
    void accountHealthIsReadByManagersAndViewersOnly() {
        assertThat(allows(MANAGER, "GET", "/api/v1/account-events")).isTrue();
        assertThat(allows(VIEWER, "GET", "/api/v1/account-events")).isTrue();
        assertThat(allows(VIEWER, "POST", "/api/v1/account-events")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/account-events")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/account-events")).isFalse();
    }

    @Test
    void patternsMatchWholeSegments() {
        assertThat(allows(AGENT, "GET", "/api/v1/contactsX")).isFalse();
        assertThat(allows(AGENT, "GET", "/api/v1/contacts/")).isTrue();
        assertThat(allows(AGENT, "GET", "/api/v1/campaigns//experiment")).isFalse();
        assertThat(allows(VIEWER, "GET", "/api/v1/costsX")).isFalse();
        assertThat(allows(INTEGRATOR, "GET", "/api/v1/campaigns/1/experimental")).isTrue();
        assertThat(allows(VIEWER, "OPTIONS", "/api/v1/kpis")).isFalse();
    }
}
