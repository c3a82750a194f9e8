package io.chatroi.gateway.routing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Defence in depth for agent keys: on the lists an agent may read, the gateway itself replaces any owner filter by
 * the agent's own owner name before forwarding (contacts-service also enforces it on contacts and deals, and
 * answers 404 for single records of other owners). The scorecard and the conversations left hanging are narrowed
 * here only: metrics-service is asked for {@code owner=<agent's owner>}. The top asks are narrowed here and again by
 * contacts-service.
 */
public final class AgentQueries {

    /** Path -> the query parameter that names the owner there. */
    private static final Map<String, String> OWNER_PARAM = Map.of(
            "/api/v1/contacts", "owners", "/api/v1/contacts/export", "owners", "/api/v1/contacts/audience", "owners",
            "/api/v1/deals", "owner", "/api/v1/follow-ups", "owner", "/api/v1/scorecards", "owner",
            "/api/v1/conversation-outcomes/hanging", "owner", "/api/v1/conversation-outcomes/hanging/owners", "owner",
            "/api/v1/top-asks", "owner");
    private static final Set<String> OWNER_NAMES = Set.of("owner", "owners");

    private AgentQueries() {
    }

    /** The query to forward for an agent's request to {@code path}. */
    public static String narrow(String path, String query, String owner) {
        String param = OWNER_PARAM.get(path);
        if (param == null || owner == null) {
            return query;
        }
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !OWNER_NAMES.contains(name(pair)))
                .collect(Collectors.joining("&"));
        String own = param + "=" + URLEncoder.encode(owner, StandardCharsets.UTF_8).replace("+", "%20");
        return kept.isEmpty() ? own : kept + "&" + own;
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        try {
            return URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return pair;
        }
    }
}
