package io.chatroi.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentQueriesTest {

    @Test
    void anAgentsOwnerReplacesAnyOwnerFilter() {
        assertThat(AgentQueries.narrow("/api/v1/contacts", "owners=bob&stages=new&owners=carol", "alice"))
                .isEqualTo("stages=new&owners=alice");
        assertThat(AgentQueries.narrow("/api/v1/deals", null, "Zhang San")).isEqualTo("owner=Zhang%20San");
        assertThat(AgentQueries.narrow("/api/v1/contacts/audience", "owners=bob,alice&limit=5", "alice"))
                .isEqualTo("limit=5&owners=alice");
        assertThat(AgentQueries.narrow("/api/v1/scorecards", "week=2026-W47&owner=bob", "alice"))
                .isEqualTo("week=2026-W47&owner=alice");
        // the lists behind a scorecard row's counts: always the agent's own row
        assertThat(AgentQueries.narrow("/api/v1/scorecards/deals", "measure=ordersWon&owner=bob", "alice"))
                .isEqualTo("measure=ordersWon&owner=alice");
        assertThat(AgentQueries.narrow("/api/v1/scorecards/contacts", "measure=referrals", "alice"))
                .isEqualTo("measure=referrals&owner=alice");
        assertThat(AgentQueries.narrow("/api/v1/contacts", "%6Fwners=bob", "alice")).isEqualTo("owners=alice");
        assertThat(AgentQueries.narrow("/api/v1/top-asks", "owner=bob&period=day", "alice"))
                .isEqualTo("period=day&owner=alice");
        assertThat(AgentQueries.narrow("/api/v1/conversation-outcomes/hanging", "limit=5", "alice"))
                .isEqualTo("limit=5&owner=alice");
        assertThat(AgentQueries.narrow("/api/v1/conversation-outcomes/hanging/owners", "owner=bob", "alice"))
                .isEqualTo("owner=alice");
    }

    @Test
    void otherPathsAreForwardedAsSent() {
        assertThat(AgentQueries.narrow("/api/v1/contacts/1", "owner=bob", "alice")).isEqualTo("owner=bob");
        assertThat(AgentQueries.narrow("/api/v1/tags", null, "alice")).isNull();
    }
}
