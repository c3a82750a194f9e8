package io.chatroi.gateway.routing;

import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.web.BodyLimitFilter;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.ProblemResponses;
import io.chatroi.gateway.observability.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/** Sets the forwarded URI, caps chunked bodies, and turns an unreachable or silent service into a problem. */
final class Forwarding implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);

    private final Route route;
    private final GatewayConfig config;
    private final long maxBodySize;
    private final GatewayMetrics metrics;
    private final BodyLimitFilter bodyLimits;

    Forwarding(Route route, GatewayConfig config, GatewayMetrics metrics, BodyLimitFilter bodyLimits) {
        this.route = route;
        this.config = config;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.metrics = metrics;
        this.bodyLimits = bodyLimits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // Forward the path the permissions were checked on (dot segments resolved), not the raw one.
        HttpServerRequest incoming = request.proxiedRequest();
        String normalised = io.vertx.core.http.impl.HttpUtils.normalizePath(incoming.path());
        String query = incoming.query();
        if ("agent".equals(request.headers().get(ChatRoiHeaders.ROLE))) {
            query = AgentQueries.narrow(normalised, query, request.headers().get(ChatRoiHeaders.OWNER));
        }
        request.setURI(query == null ? normalised : normalised + "?" + query);
        Body body = request.getBody();
        if (body != null && body.length() < 0) {
            // cut at the route's own limit, as the service would: past it the service closes the connection
            // mid-stream, and the gateway would report a 503 instead of the 413
            long limit = Math.min(maxBodySize, bodyLimits.limitFor(normalised));
            request.setBody(Body.body(new LimitedBody(body.stream(), limit, () -> {
                if (!incoming.response().headWritten()) {
                    ProblemResponses.sendRaw(incoming.response(), 413, ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + limit + " bytes", incoming.path());
                }
                incoming.connection().close();
            }), -1));
        }
        long started = System.nanoTime();
        String service = route.upstream().service();
        return context.sendRequest().onSuccess(answer -> metrics.upstream(service, "answered", started))
                .recover(failure -> {
            if (incoming.response().headWritten()) {
                return Future.failedFuture(failure); // already answered (413 on an oversized chunked body)
            }
            boolean timeout = failure instanceof TimeoutException
                    || String.valueOf(failure.getMessage()).contains("timeout");
            int status = timeout ? 504 : 503;
            metrics.upstream(service, timeout ? "timeout" : "unavailable", started);
            String detail = timeout
                    ? service + " did not answer within " + config.timeoutOf(route).toSeconds() + " s"
                    : service + " is unavailable; retry shortly";
            LOG.warnf("%s %s -> %d: %s", request.getMethod(), request.proxiedRequest().path(), status,
                    failure.getMessage());
            JsonObject problem = ProblemResponses.json(status,
                    timeout ? ProblemType.GATEWAY_TIMEOUT : ProblemType.SERVICE_UNAVAILABLE, detail,
                    request.proxiedRequest().path());
            ProxyResponse response = request.release().response().setStatusCode(status)
                    .putHeader("Content-Type", "application/problem+json")
                    .setBody(Body.body(Buffer.buffer(problem.encode())));
            if (!timeout) {
                response.putHeader("Retry-After", "1");
            }
            return Future.succeededFuture(response);
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        headers.remove(ChatRoiHeaders.REQUEST_ID);
        String location = headers.get(HttpHeaders.LOCATION);
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, relativeLocation(location, URI.create(config.urlOf(route.upstream()))));
        }
        return context.sendResponse();
    }

    /**
     * A service builds absolute Locations from the Host it saw, which is its own internal address: the caller gets
     * the path (a relative reference, resolved against the gateway URL it called). Redirects elsewhere (a tracked
     * link's landing page) are left alone.
     */
    static String relativeLocation(String location, URI service) {
        try {
            URI uri = URI.create(location);
            if (uri.isAbsolute() && service.getHost() != null && service.getHost().equalsIgnoreCase(uri.getHost())
                    && port(service) == port(uri)) {
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // leave it as the service sent it
        }
        return location;
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
