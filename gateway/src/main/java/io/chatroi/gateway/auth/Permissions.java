package io.chatroi.gateway.auth;

import io.chatroi.gateway.routing.RouteRule;
import io.chatroi.gateway.routing.RouteRules;

import java.util.Optional;

/**
 * Which role may call which {@code /api/**} endpoint: the role columns of the route rules ({@code route-rules.txt},
 * where the most specific matching row decides).
 * <ul>
 *   <li>admin: everything, including API keys;</li>
 *   <li>manager: everything but API keys (contacts, campaigns, costs, all reports);</li>
 *   <li>agent: contacts and deals (contacts-service narrows them to the agent's own), their follow-ups,
 *       the tag catalogue (read), their own scorecard, their own conversations left hanging and what their own
 *       contacts ask most; they resolve their own contacts' conversations;</li>
 *   <li>integrator: push contacts, deals, tags, interactions, messages, receipts, shop orders, conversation
 *       resolutions and WhatsApp identity changes, read them back and follow contact merges; no reports;</li>
 *   <li>viewer: read reports (metrics-service, and campaign-service's order attribution) and the campaigns and
 *       templates they name.</li>
 * </ul>
 * Every role may ask who it is ({@code GET /api/v1/me}).
 */
public final class Permissions {

    private Permissions() {
    }

    /** Whether {@code role} may call {@code method path} ({@code path} normalised, without query). */
    public static boolean allows(Role role, String method, String path) {
        return allows(role, method, RouteRules.match(path));
    }

    /** The same for the route rule a path already matched (empty: no rule, nothing allowed). */
    public static boolean allows(Role role, String method, Optional<RouteRule> rule) {
        return rule.map(r -> r.allows(role, method)).orElse(false);
    }
}
