package io.chatroi.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API key ({@code chatroi.gateway.rate-limit.per-second} sustained, {@code .burst} at once).
 * The buckets live in each gateway replica's memory: with N replicas behind a load balancer a key gets up to N
 * times the configured rate; size the setting per replica. Time comes from the injected {@link Clock}, so a test
 * can hold it still and count exactly how many requests a burst allows.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final double burst;
    private final boolean enabled;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock,
                       @ConfigProperty(name = "chatroi.gateway.rate-limit.per-second", defaultValue = "50") double perSecond,
                       @ConfigProperty(name = "chatroi.gateway.rate-limit.burst", defaultValue = "100") double burst) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.enabled = perSecond > 0;
    }

    /** 0 when the request may go, else the Retry-After seconds. */
    public long acquire(String keyId) {
        if (!enabled) {
            return 0;
        }
        Instant instant = clock.instant();
        long now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        TokenBucket bucket = buckets.get(keyId);
        if (bucket == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear();
            }
            bucket = buckets.computeIfAbsent(keyId, k -> new TokenBucket(perSecond, burst, now));
        }
        return bucket.tryTake(now);
    }
}
