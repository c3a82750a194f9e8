package io.chatroi.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's routing table, in plain Java: which service answers which public path. Paths are forwarded
 * unchanged. {@code /api/v1/campaigns/{id}/experiment} belongs to metrics-service although the rest of
 * {@code /api/v1/campaigns} belongs to campaign-service. Anything not listed (e.g. the gateway's own
 * {@code /api/v1/api-keys}) is served by the gateway itself.
 */
public final class RouteTable {

    public static final Route CONTACTS = new Route("contacts", Upstream.CONTACTS, true);
    public static final Route CAMPAIGN = new Route("campaign", Upstream.CAMPAIGN, true);
    public static final Route METRICS = new Route("metrics", Upstream.METRICS, true);
    public static final Route WEBHOOKS = new Route("webhooks", Upstream.CAMPAIGN, false);
    public static final Route REDIRECTS = new Route("redirects", Upstream.CAMPAIGN, false);

    public static final List<Route> ROUTES = List.of(CONTACTS, CAMPAIGN, METRICS, WEBHOOKS, REDIRECTS);

    /** First path segment after {@code /api/v1/} -> route. */
    private static final Map<String, Route> API_RESOURCES = Map.ofEntries(
            Map.entry("contacts", CONTACTS), Map.entry("tags", CONTACTS), Map.entry("segments", CONTACTS),
            Map.entry("deals", CONTACTS), Map.entry("follow-ups", CONTACTS), Map.entry("interactions", CONTACTS),
            Map.entry("classification-rules", CONTACTS), Map.entry("send-eligibility", CONTACTS),
            Map.entry("identity-changes", CONTACTS), Map.entry("contact-merges", CONTACTS),
            Map.entry("top-asks", CONTACTS),
            Map.entry("templates", CAMPAIGN), Map.entry("campaigns", CAMPAIGN), Map.entry("sends", CAMPAIGN),
            Map.entry("messages", CAMPAIGN), Map.entry("receipts", CAMPAIGN), Map.entry("conversations", CAMPAIGN),
            Map.entry("message-states", CAMPAIGN), Map.entry("links", CAMPAIGN),
            Map.entry("webhook-quarantine", CAMPAIGN), Map.entry("provider-errors", CAMPAIGN),
            Map.entry("account-events", CAMPAIGN), Map.entry("orders", CAMPAIGN), Map.entry("attribution", CAMPAIGN),
            Map.entry("costs", METRICS), Map.entry("settings", METRICS), Map.entry("kpis", METRICS),
            Map.entry("funnel", METRICS), Map.entry("scorecards", METRICS), Map.entry("roi", METRICS),
            Map.entry("trends", METRICS), Map.entry("alerts", METRICS), Map.entry("recompute", METRICS),
            Map.entry("experiments", METRICS), Map.entry("message-rates", METRICS), Map.entry("sync", METRICS),
            Map.entry("conversation-outcomes", METRICS));

    private static final String API = "/api/v1/";

    private RouteTable() {
    }

    /** The route of a (normalised) request path, or empty when the gateway answers it itself. */
    public static Optional<Route> route(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.startsWith(API)) {
            String rest = path.substring(API.length());
            String[] segments = rest.split("/", -1);
            if (segments.length >= 3 && segments[0].equals("campaigns") && segments[2].equals("experiment")) {
                return Optional.of(METRICS);
            }
            return Optional.ofNullable(API_RESOURCES.get(segments[0]));
        }
        if (underPrefix(path, "/webhooks")) {
            return Optional.of(WEBHOOKS);
        }
        if (underPrefix(path, "/r")) {
            return Optional.of(REDIRECTS);
        }
        return Optional.empty();
    }

    /**
     * The path template metrics and traces name a forwarded request by: the route family, never the ids in the
     * path ({@code /api/v1/contacts/**}, {@code /webhooks/**}, {@code /r/{code}}).
     */
    public static String template(String path) {
        if (path.startsWith(API)) {
            String rest = path.substring(API.length());
            int slash = rest.indexOf('/');
            return API + (slash < 0 ? rest : rest.substring(0, slash) + "/**");
        }
        return underPrefix(path, "/r") ? "/r/{code}" : "/webhooks/**";
    }

    /** Whether {@code path} is {@code prefix} itself or below it (segment boundary: /r/x yes, /rx no). */
    public static boolean underPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
