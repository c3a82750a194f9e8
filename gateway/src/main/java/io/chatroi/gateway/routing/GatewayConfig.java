package io.chatroi.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The gateway's settings (application.properties; environment overrides named there). */
@ConfigMapping(prefix = "chatroi.gateway")
public interface GatewayConfig {

    /** Base URLs of the services (CONTACTS_URL, CAMPAIGN_URL, METRICS_URL). */
    String contactsUrl();

    String campaignUrl();

    String metricsUrl();

    /** Per route (contacts, campaign, metrics, webhooks, redirects): how long the service may stay silent. */
    Map<String, Duration> timeout();

    @WithDefault("30s")
    Duration defaultTimeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept to each service. */
    @WithDefault("64")
    int poolSize();

    /** Largest request body forwarded (413 above it). */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /** Per-key token bucket (read by RateLimiter). */
    RateLimit rateLimit();

    /** How long key lookups are cached (read by KeyAuthenticator). */
    @WithDefault("30s")
    Duration keyCacheTtl();

    /** How often last-used times are written (read by KeyAuthenticator). */
    @WithDefault("60s")
    Duration lastUsedFlush();

    /** How often the merged OpenAPI document is fetched again (read by MergedOpenApi). */
    @WithDefault("60s")
    Duration openapiRefresh();

    interface RateLimit {
        @WithDefault("50")
        double perSecond();

        @WithDefault("100")
        double burst();
    }

    default String urlOf(Upstream upstream) {
        return switch (upstream) {
            case CONTACTS -> contactsUrl();
            case CAMPAIGN -> campaignUrl();
            case METRICS -> metricsUrl();
        };
    }

    default Duration timeoutOf(Route route) {
        return timeout().getOrDefault(route.name(), defaultTimeout());
    }
}
