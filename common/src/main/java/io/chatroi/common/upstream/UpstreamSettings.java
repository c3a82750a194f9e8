package io.chatroi.common.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How a service reaches each sibling it calls, under the same names in every service:
 * {@code chatroi.upstream.<service>.url}, {@code .timeout}, {@code .retries} and so on, {@code <service>} being the
 * callee's name ({@code contacts-service}, {@code campaign-service}).
 */
@ConfigMapping(prefix = "chatroi.upstream")
public interface UpstreamSettings {

    @WithParentName
    Map<String, Service> services();

    interface Service {

        /** The callee's base URL (its Kubernetes service name in a cluster). */
        URI url();

        /** How long one attempt may wait for an answer. */
        @WithDefault("5s")
        Duration timeout();

        /** The same for bulk calls (hundreds of items in one body), which the callee takes longer to answer. */
        @WithDefault("20s")
        Duration bulkTimeout();

        /** Retries after a failed attempt, for idempotent calls (and calls with an Idempotency-Key) only. */
        @WithDefault("2")
        int retries();

        /** The first retry's delay; each further one doubles, up to {@link #retryMaxDelay()}. */
        @WithDefault("200ms")
        Duration retryDelay();

        @WithDefault("2s")
        Duration retryMaxDelay();

        /** Pooled connections to the callee. */
        @WithDefault("16")
        int connections();

        CircuitBreaker circuitBreaker();

        /** Per operation: opens after enough failed attempts, so a dead callee is not waited for on every call. */
        interface CircuitBreaker {

            /** Attempts in the rolling window the failure ratio is taken over. */
            @WithDefault("10")
            int requestVolume();

            @WithDefault("0.5")
            double failureRatio();

            /** How long it stays open before letting a trial call through. */
            @WithDefault("5s")
            Duration delay();
        }
    }
}
