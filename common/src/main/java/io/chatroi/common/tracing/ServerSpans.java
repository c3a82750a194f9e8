package io.chatroi.common.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.BiConsumer;

/**
 * The server span of every request, and the trace context passed on to a sibling service. Replaces Quarkus' Vert.x
 * HTTP instrumentation ({@code quarkus.otel.instrument.vertx-http=false}, microprofile-config.properties), which
 * extracted and set about a dozen HTTP attributes on every request and response before and whatever the sampler
 * decided: at a ratio of 0.1 nine requests in ten paid for a span nobody keeps (11% of the gateway's CPU samples and
 * 13% of contacts-service's in bench/gateway-overhead.sh). Here an unsampled request costs the parent's extraction,
 * the sampler's decision and two ids; it still carries its trace id into the log context and on to the services,
 * flagged not sampled. Attributes are set only on a span that records.
 * <p>
 * Head sampling stays the SDK's (parent-based ratio): a caller's traceparent is continued with its sampled flag, a
 * request without one draws against the ratio. Requests under {@code /q/} (health, OpenAPI) get no span, as with
 * Quarkus' own instrumentation.
 */
@ApplicationScoped
public class ServerSpans {

    /** Before the request id filter and everything else of ours, so every line they log carries the trace id. */
    static final int PRIORITY = 2_100;
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    /** Where Quarkus REST (and the gateway's proxy route) put the route template the HTTP metrics are tagged with. */
    private static final String TEMPLATE = "UrlPathTemplate";

    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final boolean enabled;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ServerSpans(OpenTelemetry openTelemetry,
                       @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        this.enabled = !disabled;
        this.tracer = openTelemetry.getTracer("io.chatroi");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::start, PRIORITY);
        }
    }

    /**
     * Starts the span of the request and makes it current (the log context's trace id and span id included) until
     * the response has ended, when the span ends, named after the route template if one was recorded.
     */
    private void start(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        if (path == null || path.startsWith("/q/")) {
            rc.next();
            return;
        }
        Context parent = propagator.extract(Context.root(), request.headers(), HEADERS);
        String method = request.method().name();
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, method);
            span.setAttribute(PATH, path);
        }
        Scope scope = parent.with(span).makeCurrent();
        rc.addEndHandler(ended -> {
            if (span.isRecording()) {
                (VertxContext.isOnDuplicatedContext() ? ContextLocals.<String>get(TEMPLATE)
                        : java.util.Optional.<String>empty()).ifPresent(template -> {
                    span.updateName(method + " " + template);
                    span.setAttribute(ROUTE, template);
                });
                int status = rc.response().getStatusCode();
                span.setAttribute(STATUS, status);
                if (status >= 500 || ended.failed()) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            span.end();
            scope.close();
        });
        rc.next();
    }

    /**
     * Puts the current span's {@code traceparent} (and {@code tracestate}) on a call to a sibling service, which
     * continues the trace; call it on the thread of the request being served. Nothing with the SDK disabled.
     */
    public void inject(BiConsumer<String, String> putHeader) {
        if (enabled) {
            propagator.inject(Context.current(), putHeader, BiConsumer::accept);
        }
    }
}
