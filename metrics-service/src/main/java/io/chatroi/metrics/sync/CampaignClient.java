package io.chatroi.metrics.sync;

import io.chatroi.common.web.ClientCallMetrics;
import io.chatroi.common.web.InternalToken;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** campaign-service's sync listings: campaigns and sends, by (updatedAt, id). */
@ApplicationScoped
public class CampaignClient {

    private final Upstream upstream;

    public CampaignClient(Vertx vertx, InternalToken token, @ConfigProperty(name = "chatroi.campaigns.url") URI base,
                          @ConfigProperty(name = "chatroi.upstream.timeout") Duration timeout,
                          @ConfigProperty(name = "chatroi.upstream.retries") int retries,
                          ClientCallMetrics calls) {
        this.upstream = new Upstream("campaign-service", vertx, base, timeout, retries, token, calls);
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000)
    @CircuitBreakerName("metrics-campaigns")
    public Uni<UpstreamPage> page(String stream, Instant updatedAfter, String after, int limit) {
        return upstream.page("/api/v1/" + stream, updatedAfter, after, limit);
    }

    /** The account-health events Meta reported since {@code from}, newest first (the alerts read them live). */
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000)
    @CircuitBreakerName("metrics-account-events")
    public Uni<UpstreamPage> accountEvents(Instant from, int limit) {
        return upstream.get("/api/v1/account-events", java.util.Map.of("from", from.toString(),
                "limit", String.valueOf(limit)));
    }
}
