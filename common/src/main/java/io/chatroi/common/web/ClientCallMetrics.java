package io.chatroi.common.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Times the calls a service makes to another over HTTP: {@code chatroi_http_client_requests_seconds} by upstream,
 * operation and outcome (the status class, or {@code error} when no answer came). Quarkus' own client metrics
 * cover its REST client only, not the Vert.x web clients our client beans use. Every attempt is timed on its own,
 * so retries show as the extra calls they are. The labels are fixed names, never a path with an id in it.
 */
@ApplicationScoped
public class ClientCallMetrics {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public ClientCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code call} afresh on every subscription (so under a retry, too) and records how it ended; {@code status}
     * reads the HTTP status of an answer.
     */
    public <T> Uni<T> timed(String upstream, String operation, Supplier<Uni<T>> call, ToIntFunction<T> status) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return call.get().onItemOrFailure().invoke((response, failure) -> Timer
                    .builder("chatroi.http.client.requests").description("Calls to other services, per attempt")
                    .tag("upstream", upstream).tag("operation", operation)
                    .tag("outcome", failure != null ? "error" : (status.applyAsInt(response) / 100) + "xx")
                    .serviceLevelObjectives(BUCKETS).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started)));
        });
    }
}
