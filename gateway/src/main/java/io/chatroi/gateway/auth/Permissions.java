package io.chatroi.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chatroi.gateway.auth.Permissions.Rule.rule;

/**
 * Which role may call which {@code /api/**} endpoint, as a plain table of (methods, path pattern) rules. A pattern
 * matches a path segment by segment, {@code *} matching one segment, and also everything below it.
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
 */
public final class Permissions {

    static final Set<String> READ = Set.of("GET", "HEAD");
    static final Set<String> WRITE = Set.of("GET", "HEAD", "POST", "PUT", "PATCH");
    static final Set<String> ALL = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private static final List<String> CONTACTS_SERVICE = List.of("/api/v1/contacts", "/api/v1/tags",
            "/api/v1/segments", "/api/v1/deals", "/api/v1/follow-ups", "/api/v1/interactions",
            "/api/v1/classification-rules", "/api/v1/send-eligibility", "/api/v1/identity-changes",
            "/api/v1/contact-merges");
    private static final List<String> CAMPAIGN_SERVICE = List.of("/api/v1/templates", "/api/v1/campaigns",
            "/api/v1/sends", "/api/v1/messages", "/api/v1/receipts", "/api/v1/conversations",
            "/api/v1/message-states", "/api/v1/links", "/api/v1/webhook-quarantine", "/api/v1/provider-errors",
            "/api/v1/account-events", "/api/v1/orders");
    private static final List<String> REPORTS = List.of("/api/v1/kpis", "/api/v1/funnel", "/api/v1/scorecards",
            "/api/v1/roi", "/api/v1/trends", "/api/v1/alerts", "/api/v1/campaigns/*/experiment",
            "/api/v1/experiments", "/api/v1/attribution", "/api/v1/conversation-outcomes", "/api/v1/top-asks");
    private static final List<String> METRICS_SERVICE = List.of("/api/v1/costs", "/api/v1/settings",
            "/api/v1/recompute", "/api/v1/message-rates", "/api/v1/sync");

    private static final Map<Role, List<Rule>> RULES = Map.of(
            Role.ADMIN, List.of(rule(ALL, "/api")),
            Role.MANAGER, concat(
                    rules(ALL, CONTACTS_SERVICE), rules(ALL, CAMPAIGN_SERVICE), rules(ALL, REPORTS),
                    rules(ALL, METRICS_SERVICE)),
            Role.AGENT, List.of(
                    rule(Set.of("GET", "HEAD", "POST", "PATCH", "PUT"), "/api/v1/contacts"),
                    rule(Set.of("DELETE"), "/api/v1/contacts/*/tags"),
                    rule(Set.of("GET", "HEAD", "POST", "PATCH"), "/api/v1/deals"),
                    rule(READ, "/api/v1/follow-ups"),
                    rule(READ, "/api/v1/tags"),
                    rule(READ, "/api/v1/scorecards"),
                    rule(READ, "/api/v1/conversation-outcomes/hanging"),
                    rule(READ, "/api/v1/top-asks"),
                    rule(Set.of("POST"), "/api/v1/conversations/resolutions")),
            Role.INTEGRATOR, concat(
                    rules(WRITE, List.of("/api/v1/contacts", "/api/v1/deals", "/api/v1/tags",
                            "/api/v1/interactions", "/api/v1/messages", "/api/v1/receipts", "/api/v1/orders",
                            "/api/v1/conversations/resolutions")),
                    List.of(rule(Set.of("DELETE"), "/api/v1/contacts/*/tags"),
                            rule(Set.of("POST"), "/api/v1/identity-changes"), rule(READ, "/api/v1/contact-merges"),
                            rule(READ, "/api/v1/sends"), rule(READ, "/api/v1/message-states"),
                            rule(READ, "/api/v1/templates"), rule(READ, "/api/v1/campaigns")),
                    rules(Set.of("POST"), List.of("/api/v1/costs"))),
            Role.VIEWER, concat(rules(READ, REPORTS),
                    rules(READ, List.of("/api/v1/campaigns", "/api/v1/templates", "/api/v1/provider-errors",
                            "/api/v1/account-events", "/api/v1/costs", "/api/v1/settings", "/api/v1/message-rates"))));

    /** Exceptions that win over the rules above: the experiment of a campaign is a report. */
    private static final Map<Role, List<Rule>> DENIED = Map.of(
            Role.INTEGRATOR, List.of(rule(ALL, "/api/v1/campaigns/*/experiment")),
            // bulk paths would create or re-tier contacts of any owner
            Role.AGENT, List.of(rule(ALL, "/api/v1/contacts/import"), rule(ALL, "/api/v1/contacts/retier")));

    /** Allowed to every role: who am I ({@code GET /api/v1/me}). */
    private static final List<Rule> EVERY_ROLE = List.of(rule(READ, "/api/v1/me"));

    private Permissions() {
    }

    /** Whether {@code role} may call {@code method path} ({@code path} normalised, without query). */
    public static boolean allows(Role role, String method, String path) {
        for (Rule rule : DENIED.getOrDefault(role, List.of())) {
            if (rule.matches(method, path)) {
                return false;
            }
        }
        for (Rule rule : EVERY_ROLE) {
            if (rule.matches(method, path) && path.equals("/api/v1/me")) {
                return true;
            }
        }
        for (Rule rule : RULES.getOrDefault(role, List.of())) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return false;
    }

    private static List<Rule> rules(Set<String> methods, List<String> patterns) {
        return patterns.stream().map(p -> rule(methods, p)).toList();
    }

    @SafeVarargs
    private static List<Rule> concat(List<Rule>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    record Rule(Set<String> methods, String[] segments) {

        static Rule rule(Set<String> methods, String pattern) {
            return new Rule(methods, pattern.substring(1).split("/"));
        }

        boolean matches(String method, String path) {
            if (!methods.contains(method) || path == null || !path.startsWith("/")) {
                return false;
            }
            String[] parts = path.substring(1).split("/", -1);
            if (parts.length < segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") ? !segments[i].equals(parts[i]) : parts[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }
}
