package io.chatroi.gateway.routing;

import io.chatroi.common.web.OwnerQuery;

/**
 * Defence in depth for agent keys: on the lists an agent may read (scope {@code owner} or {@code owners} in the route
 * rules, {@code route-rules.txt}), the gateway itself replaces any owner filter by the agent's own owner name before
 * forwarding (contacts-service also enforces it on contacts and deals, and answers 404 for single records of other
 * owners). The scorecard and the conversations left hanging are narrowed here only: metrics-service is asked for
 * {@code owner=<agent's owner>}. The top asks are narrowed here and again by contacts-service.
 */
public final class AgentQueries {

    private AgentQueries() {
    }

    /** The query to forward for an agent's request to {@code path}. */
    public static String narrow(String path, String query, String owner) {
        String param = RouteRules.match(path).filter(rule -> rule.pattern().equals(path))
                .flatMap(RouteRule::ownerParam).orElse(null);
        return param == null || owner == null ? query : OwnerQuery.narrow(query, param, owner);
    }
}
