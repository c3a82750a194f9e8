package io.chatroi.metrics.sync;

import io.chatroi.common.web.ClientCallMetrics;
import io.chatroi.common.web.InternalToken;
import io.chatroi.common.web.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * GETs pages of another service's sync listing ({@code updatedAfter}, {@code after}, {@code limit} -> {@code {items,
 * nextCursor}}) with a timeout, retries with backoff for failures that may pass (connection errors, timeouts, 5xx)
 * and the internal token header. Owned by one client bean per remote service.
 */
final class Upstream {

    private final String service;
    private final WebClient client;
    private final URI base;
    private final Duration timeout;
    private final InternalToken token;
    private final int retries;
    private final ClientCallMetrics calls;

    Upstream(String service, Vertx vertx, URI base, Duration timeout, int retries, InternalToken token,
             ClientCallMetrics calls) {
        this.service = service;
        this.calls = calls;
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        this.base = base;
        this.timeout = timeout;
        this.retries = retries;
        this.token = token;
    }

    Uni<UpstreamPage> page(String path, Instant updatedAfter, String after, int limit) {
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("limit", String.valueOf(limit));
        query.put("updatedAfter", (updatedAfter == null ? Instant.EPOCH : updatedAfter).toString());
        if (after != null) {
            query.put("after", after);
        }
        return get(path, query);
    }

    /** One page of any {@code {items, nextCursor}} listing of the owner, with the given query parameters. */
    Uni<UpstreamPage> get(String path, java.util.Map<String, String> query) {
        HttpRequest<Buffer> request = client.getAbs(base.resolve(path).toString()).timeout(timeout.toMillis());
        query.forEach(request::addQueryParam);
        token.addTo(request::putHeader);
        RequestIdFilter.addTo(request::putHeader);
        // the path is one of a fixed set of sync listings, so it is a safe label
        return calls.timed(service, path, request::send, HttpResponse::statusCode)
                .map(this::parse)
                .onFailure(UpstreamException::retryable).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(3)).atMost(retries)
                .onFailure(f -> !(f instanceof UpstreamException)).transform(f ->
                        new UpstreamException(service + " did not answer " + path + ": " + f.getMessage(), true));
    }

    private UpstreamPage parse(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status != 200) {
            String body = response.bodyAsString();
            throw new UpstreamException(service + " answered " + status + ": "
                    + (body == null ? "" : body.substring(0, Math.min(300, body.length()))), status >= 500);
        }
        JsonObject body = response.bodyAsJsonObject();
        JsonArray items = body.getJsonArray("items", new JsonArray());
        return new UpstreamPage(items, body.getString("nextCursor"));
    }

    /** A remote failure; {@code retryable} for 5xx and transport errors, not for 4xx. */
    static final class UpstreamException extends RuntimeException {
        private final boolean retryable;

        UpstreamException(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        static boolean retryable(Throwable failure) {
            return !(failure instanceof UpstreamException u) || u.retryable;
        }
    }
}
