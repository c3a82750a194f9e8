package io.chatroi.gateway.routing;

import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.tracing.ServerSpans;
import io.chatroi.common.web.BodyLimitFilter;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.InternalToken;
import io.chatroi.common.web.ProblemResponses;
import io.chatroi.gateway.auth.ApiKeySecrets;
import io.chatroi.gateway.auth.Caller;
import io.chatroi.gateway.auth.KeyAuthenticator;
import io.chatroi.gateway.auth.Permissions;
import io.chatroi.gateway.auth.Role;
import io.chatroi.gateway.observability.GatewayMetrics;
import io.chatroi.gateway.ratelimit.RateLimiter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's reverse proxy, mounted on Quarkus' Vert.x router in front of its REST resources: for
 * {@code /api/**} it authenticates the bearer key, applies the roles of the route rules and the key's rate limit, and then
 * either forwards to the owning service ({@link RouteTable}) with Vert.x HTTP proxy, streaming both bodies, or
 * lets the gateway's own resources answer. {@code /webhooks/**} and {@code /r/**} are forwarded without a key.
 * Identity headers are stripped from every incoming request and set by the gateway, with the internal token.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final KeyAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Optional<String> internalToken;
    private final long maxBodySize;
    private final GatewayMetrics metrics;
    private final ServerSpans tracing;
    private final BodyLimitFilter bodyLimits;
    private final Map<Upstream, HttpClient> clients = new EnumMap<>(Upstream.class);
    private final Map<Route, HttpProxy> proxies = new HashMap<>();

    public ProxyRoutes(Vertx vertx, GatewayConfig config, KeyAuthenticator authenticator, RateLimiter rateLimiter,
                       InternalToken internalToken, GatewayMetrics metrics, ServerSpans tracing,
                       BodyLimitFilter bodyLimits) {
        this.vertx = vertx;
        this.config = config;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.internalToken = internalToken.value();
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.metrics = metrics;
        this.tracing = tracing;
        this.bodyLimits = bodyLimits;
    }

    void mount(@Observes Router router) {
        if (internalToken.isEmpty()) {
            LOG.warn("No internal token (CHATROI_INTERNAL_TOKEN): requests are forwarded without it, so services that"
                    + " require one will refuse them");
        }
        for (Upstream upstream : Upstream.values()) {
            clients.put(upstream, vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true).setTcpNoDelay(true).setMaxPoolSize(config.poolSize())
                    // no client span per forwarded call: the service continues the gateway's server span instead
                    // (see forward), and the upstream timer already measures the hop
                    .setTracingPolicy(TracingPolicy.IGNORE)
                    .setConnectTimeout((int) config.connectTimeout().toMillis())));
        }
        for (Route route : RouteTable.ROUTES) {
            URI base = URI.create(config.urlOf(route.upstream()));
            SocketAddress address = SocketAddress.inetSocketAddress(
                    base.getPort() > 0 ? base.getPort() : 80, base.getHost());
            long idleTimeout = config.timeoutOf(route).toMillis();
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions(), clients.get(route.upstream()));
            proxy.origin(context -> context.client().request(new RequestOptions().setServer(address)
                    .setIdleTimeout(idleTimeout)));
            proxy.addInterceptor(new Forwarding(route, config, metrics, bodyLimits));
            proxies.put(route, proxy);
        }
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void close(@Observes ShutdownEvent event) {
        clients.values().forEach(HttpClient::close);
    }

    private void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean api = RouteTable.underPrefix(path, "/api");
        // the one lookup of this path in the route rules: routing and the role check below both read this row
        Optional<RouteRule> rule = RouteRules.match(path);
        Optional<Route> route = rule.flatMap(RouteRule::route);
        if (!api && route.isEmpty()) {
            rc.next();
            return;
        }
        String routeName = route.map(Route::name).orElse("gateway");
        if (route.isPresent() && io.smallrye.common.vertx.VertxContext.isOnDuplicatedContext()) {
            // read by the HTTP server metrics and the server span's name instead of the raw path with its ids
            io.smallrye.common.vertx.ContextLocals.put("UrlPathTemplate", RouteTable.template(path));
        }
        rc.addEndHandler(ended -> metrics.answered(routeName, rc.get(Caller.CONTEXT_KEY) instanceof Caller caller
                ? caller.role().wire() : null, rc.response().getStatusCode()));
        HttpServerRequest request = rc.request();
        MultiMap headers = request.headers();
        headers.remove(ChatRoiHeaders.KEY_ID);
        headers.remove(ChatRoiHeaders.ROLE);
        headers.remove(ChatRoiHeaders.OWNER);
        headers.remove(ChatRoiHeaders.INTERNAL_TOKEN);
        if (tooLarge(headers)) {
            fail(rc, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodySize + " bytes");
            return;
        }
        if (route.isPresent() && !route.get().keyRequired()) {
            forward(rc, route.get(), null);
            return;
        }
        String secret = ApiKeySecrets.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret == null) {
            unauthorized(rc, "Send an API key as Authorization: Bearer <key>");
            return;
        }
        KeyAuthenticator.KeyHash key = KeyAuthenticator.hash(secret);
        Optional<Caller> cached = authenticator.fromCache(key);
        if (cached.isPresent()) {
            authorised(rc, path, rule, route, cached);
            return;
        }
        request.pause();
        Context context = Vertx.currentContext();
        authenticator.load(key).subscribe().with(
                caller -> onContext(context, () -> authorised(rc, path, rule, route, caller)),
                failure -> onContext(context, () -> {
                    LOG.warnf("API key lookup failed: %s", failure.getMessage());
                    fail(rc, ProblemType.SERVICE_UNAVAILABLE, "API keys cannot be checked right now; retry shortly");
                }));
    }

    private void authorised(RoutingContext rc, String path, Optional<RouteRule> rule, Optional<Route> route,
                            Optional<Caller> found) {
        if (found.isEmpty()) {
            unauthorized(rc, "The API key is unknown or revoked");
            return;
        }
        Caller caller = found.get();
        rc.put(Caller.CONTEXT_KEY, caller);
        String method = rc.request().method().name();
        if (!Permissions.allows(caller.role(), method, rule)) {
            fail(rc, ProblemType.FORBIDDEN, "The " + caller.role().wire() + " role may not " + method + " " + path);
            return;
        }
        long retryAfter = rateLimiter.acquire(caller.keyId());
        if (retryAfter > 0) {
            rc.request().resume();
            ProblemResponses.send(rc, 429, ProblemType.RATE_LIMITED, "Rate limit of this API key exceeded;"
                    + " retry after " + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
            return;
        }
        if (route.isPresent()) {
            forward(rc, route.get(), caller);
        } else {
            rc.request().resume();
            rc.next();
        }
    }

    private void forward(RoutingContext rc, Route route, Caller caller) {
        MultiMap headers = rc.request().headers();
        // HTTP/2 has no Transfer-Encoding: a body of unknown length goes to the service chunked (the proxy library
        // decides from that header)
        if (rc.request().version() == io.vertx.core.http.HttpVersion.HTTP_2 && !headers.contains(HttpHeaders.CONTENT_LENGTH)
                && !rc.request().isEnded()) {
            headers.set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        }
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove("Forwarded");
        internalToken.ifPresent(token -> headers.set(ChatRoiHeaders.INTERNAL_TOKEN, token));
        // the trace goes on from this request's server span (traceparent replaced, tracestate kept in step)
        tracing.inject(headers::set);
        if (caller != null) {
            headers.set(ChatRoiHeaders.KEY_ID, caller.keyId());
            headers.set(ChatRoiHeaders.ROLE, caller.role().wire());
            if (caller.role() == Role.AGENT && caller.owner() != null) {
                headers.set(ChatRoiHeaders.OWNER, caller.owner());
            }
        }
        proxies.get(route).handle(rc.request());
    }

    private boolean tooLarge(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private static void unauthorized(RoutingContext rc, String detail) {
        rc.request().resume();
        ProblemResponses.send(rc, 401, ProblemType.UNAUTHORIZED, detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    private static void fail(RoutingContext rc, ProblemType type, String detail) {
        rc.request().resume();
        ProblemResponses.send(rc, type, detail);
    }
}
