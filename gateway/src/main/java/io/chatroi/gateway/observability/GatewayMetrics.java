package io.chatroi.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's metrics (Prometheus names {@code chatroi_gateway_*}): every public request by route, role and
 * status (401, 403 and 429 included), and each forwarded call's latency and failure per service. Labels are
 * fixed small sets: the route family, the role name, the status code, never a key, contact or campaign id.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** Latency buckets an operator alerts on (p50 and p99 of a proxied call), in seconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    // Meters looked up once per label set, not per request: a registry lookup builds, sorts and hashes the tags
    // (every label below comes from a small fixed set, so these maps stay small)
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> upstreamTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> upstreamErrors = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A public request answered: {@code route} is a route name or {@code gateway}, {@code role} may be null. */
    public void answered(String route, String role, int status) {
        String roleLabel = role == null ? "none" : role;
        requests.computeIfAbsent(route + ' ' + roleLabel + ' ' + status, key -> registry.counter(
                "chatroi.gateway.requests", "route", route, "role", roleLabel, "status", Integer.toString(status)))
                .increment();
    }

    /** A forwarded call ended: {@code outcome} is {@code answered}, {@code timeout} or {@code unavailable}. */
    public void upstream(String service, String outcome, long startedNanos) {
        String key = service + ' ' + outcome;
        upstreamTimers.computeIfAbsent(key, k -> Timer.builder("chatroi.gateway.upstream")
                        .description("Forwarded calls until the service's response headers").tag("service", service)
                        .tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        if (!"answered".equals(outcome)) {
            upstreamErrors.computeIfAbsent(key, k -> registry.counter("chatroi.gateway.upstream.errors",
                    "service", service, "kind", outcome)).increment();
        }
    }
}
