package io.chatroi.gateway.observability;

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
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server span of a public request, started by the gateway's own route instead of Quarkus' Vert.x HTTP
 * instrumentation ({@code quarkus.otel.instrument.vertx-http=false} in application.properties). That one extracts
 * and sets a dozen HTTP attributes on every request before the sampler decides, so at a ratio of 0.1 nine requests in
 * ten paid for a span nobody keeps. Here an unsampled request costs the parent's extraction, the sampler's decision
 * and two ids (it still carries its trace id into the log context and on to the service, flagged not sampled);
 * attributes are set only on a span that records.
 * <p>
 * Head sampling stays the SDK's (parent-based ratio, common's microprofile-config.properties): a caller's
 * traceparent is continued with its sampled flag, a request without one draws against the ratio.
 */
@ApplicationScoped
public class GatewayTracing {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

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

    public GatewayTracing(OpenTelemetry openTelemetry,
                          @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        this.enabled = !disabled;
        this.tracer = openTelemetry.getTracer("io.chatroi.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the span of the request being routed and makes it current (the log context's trace id and span id
     * included) until the response has ended, when the span ends with the status. {@code template} is the route
     * family (never an id), read only when the span records.
     */
    public void start(RoutingContext rc, java.util.function.Supplier<String> template) {
        if (!enabled) {
            return;
        }
        HttpServerRequest request = rc.request();
        Context parent = propagator.extract(Context.root(), request.headers(), HEADERS);
        String method = request.method().name();
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            String route = template.get();
            span.updateName(method + " " + route);
            span.setAttribute(METHOD, method);
            span.setAttribute(ROUTE, route);
            span.setAttribute(PATH, request.path());
        }
        Scope scope = parent.with(span).makeCurrent();
        rc.addEndHandler(ended -> {
            if (span.isRecording()) {
                int status = rc.response().getStatusCode();
                span.setAttribute(STATUS, status);
                if (status >= 500 || ended.failed()) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            span.end();
            scope.close();
        });
    }

    /**
     * Sets the current span's {@code traceparent} (and {@code tracestate}) on a request forwarded to a service, which
     * continues the trace; with the SDK disabled the caller's headers pass unchanged.
     */
    public void inject(MultiMap headers) {
        if (enabled) {
            propagator.inject(Context.current(), headers, MultiMap::set);
        }
    }
}
