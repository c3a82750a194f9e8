package io.chatroi.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API key ({@code chatroi.gateway.rate-limit.per-second} sustained, {@code .burst} at once).
 * The buckets live in each gateway replica's memory: with N replicas behind a load balancer a key gets up to N
 * times the configured rate; size the setting per replica.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final double burst;
    private final boolean enabled;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(@ConfigProperty(name = "chatroi.gateway.rate-limit.per-second", defaultValue = "50") double perSecond,
                       @ConfigProperty(name = "chatroi.gateway.rate-limit.burst", defaultValue = "100") double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.enabled = perSecond > 0;
    }

    /** 0 when the request may go, else the Retry-After seconds. */
    public long acquire(String keyId) {
        if (!enabled) {
            return 0;
        }
        long now = System.nanoTime();
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
