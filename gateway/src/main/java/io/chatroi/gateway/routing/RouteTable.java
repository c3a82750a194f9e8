package io.chatroi.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * Which service answers which public path, as the route rules ({@link RouteRules}, {@code route-rules.txt}) say.
 * Paths are forwarded unchanged. {@code /api/v1/campaigns/{id}/experiment} belongs to metrics-service although the
 * rest of {@code /api/v1/campaigns} belongs to campaign-service. Anything the rules give to the gateway (its own
 * {@code /api/v1/api-keys}, and any unknown path) is served by the gateway itself.
 */
public final class RouteTable {

    public static final List<Route> ROUTES = RouteRules.all().stream().flatMap(rule -> rule.route().stream())
            .distinct().toList();

    public static final Route CONTACTS = named("contacts");
    public static final Route CAMPAIGN = named("campaign");
    public static final Route METRICS = named("metrics");
    public static final Route WEBHOOKS = named("webhooks");
    public static final Route REDIRECTS = named("redirects");

    private static final String API = "/api/v1/";

    private RouteTable() {
    }

    /** The route of a (normalised) request path, or empty when the gateway answers it itself. */
    public static Optional<Route> route(String path) {
        return RouteRules.match(path).flatMap(RouteRule::route);
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

    private static Route named(String name) {
        return ROUTES.stream().filter(route -> route.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the route rules name no route " + name));
    }
}
