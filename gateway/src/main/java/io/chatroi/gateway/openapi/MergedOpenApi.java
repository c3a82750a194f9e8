package io.chatroi.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.chatroi.gateway.routing.GatewayConfig;
import io.chatroi.gateway.routing.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code GET /q/openapi}: one OpenAPI document merged ({@link OpenApiMerger}) from the gateway's own
 * (served at {@code /q/openapi-gateway}) and the services' {@code /q/openapi}. The services' documents are fetched
 * at start and every {@code chatroi.gateway.openapi.refresh}, and again on a request when one was missing; the last
 * good document of a service is kept while it is down.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    /** How long a request waits before it fetches a missing service's document again (the clock's time). */
    private static final Duration RETRY_MISSING = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final OpenApiDocumentService ownDocument;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private final Duration refreshEvery;
    private final String version;
    private final String publicUrl;
    private final Map<Upstream, ObjectNode> lastGood = new EnumMap<>(Upstream.class);
    private HttpClient client;
    private long timer = -1;
    private volatile ObjectNode merged;
    private volatile Instant lastAttempt = Instant.MIN;
    private Future<ObjectNode> inFlight;

    public MergedOpenApi(Vertx vertx, GatewayConfig config, OpenApiDocumentService ownDocument, Clock clock,
                         @ConfigProperty(name = "chatroi.gateway.openapi-refresh", defaultValue = "60s") Duration refreshEvery,
                         @ConfigProperty(name = "quarkus.smallrye-openapi.info-version", defaultValue = "1.0.0") String version,
                         @ConfigProperty(name = "chatroi.public-url", defaultValue = "/") String publicUrl) {
        this.vertx = vertx;
        this.config = config;
        this.ownDocument = ownDocument;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setMaxPoolSize(3));
        timer = vertx.setPeriodic(1_000, refreshEvery.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }

    void mount(@Observes Router router) {
        router.get("/q/openapi").order(-1).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        boolean incomplete = lastGood.size() < Upstream.values().length
                && clock.instant().isAfter(lastAttempt.plus(RETRY_MISSING));
        Future<ObjectNode> document = merged == null || incomplete ? refresh() : Future.succeededFuture(merged);
        document.onComplete(ar -> {
            ObjectNode doc = ar.succeeded() && ar.result() != null ? ar.result() : merged;
            if (doc == null) {
                rc.fail(503);
                return;
            }
            String format = rc.request().getParam("format");
            String accept = rc.request().getHeader("Accept");
            boolean asJson = format != null ? format.equalsIgnoreCase("json")
                    : accept != null && accept.contains("json");
            try {
                rc.response().putHeader("Content-Type", asJson ? "application/json;charset=UTF-8"
                                : "application/yaml;charset=UTF-8")
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .end(asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(doc)
                                : yaml.writeValueAsString(doc));
            } catch (Exception e) {
                rc.fail(e);
            }
        });
    }

    /** Fetches the services' documents and merges; one refresh at a time. */
    synchronized Future<ObjectNode> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        lastAttempt = clock.instant();
        List<Future<?>> fetches = new ArrayList<>();
        Map<Upstream, ObjectNode> fetched = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            fetches.add(fetch(upstream).onSuccess(doc -> fetched.put(upstream, doc)).recover(failure -> {
                LOG.debugf("OpenAPI document of %s not available: %s", upstream.service(), failure.getMessage());
                return Future.succeededFuture();
            }));
        }
        Promise<ObjectNode> done = Promise.promise();
        inFlight = done.future();
        Future.join(fetches).onComplete(ignored -> {
            try {
                ObjectNode own = (ObjectNode) json.readTree(ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME,
                        Format.JSON));
                Map<Upstream, Optional<ObjectNode>> documents = new EnumMap<>(Upstream.class);
                synchronized (this) {
                    lastGood.putAll(fetched);
                    for (Upstream upstream : Upstream.values()) {
                        documents.put(upstream, Optional.ofNullable(lastGood.get(upstream)));
                    }
                }
                merged = OpenApiMerger.merge(own, documents, version, publicUrl);
                if (merged.has("x-chatroi-duplicate-operation-ids")) {
                    LOG.warnf("Operation ids used by more than one service: %s",
                            merged.get("x-chatroi-duplicate-operation-ids"));
                }
                if (merged.has("x-chatroi-unrouted")) {
                    LOG.warnf("Paths the services serve but the gateway does not route (RouteTable): %s",
                            merged.get("x-chatroi-unrouted"));
                }
                done.complete(merged);
            } catch (Exception e) {
                LOG.warnf("Could not merge the OpenAPI documents: %s", e.getMessage());
                done.fail(e);
            } finally {
                synchronized (this) {
                    inFlight = null;
                }
            }
        });
        return done.future();
    }

    private Future<ObjectNode> fetch(Upstream upstream) {
        URI base = URI.create(config.urlOf(upstream));
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                        .setPort(base.getPort() > 0 ? base.getPort() : 80).setURI("/q/openapi?format=json")
                        .setIdleTimeout(5_000).putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return (ObjectNode) json.readTree(body.getBytes());
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage(), e);
                    }
                });
    }
}
