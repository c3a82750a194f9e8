package io.chatroi.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} tokens at most, refilled at {@code ratePerSecond}; each request takes one.
 * Time is passed in (nanoseconds) so the arithmetic is testable without sleeping.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        this.capacity = capacity;
        this.perNano = ratePerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token: 0 when granted, else the whole seconds after which one will be there (at least 1). */
    public synchronized long tryTake(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double waitNanos = (1 - tokens) / perNano;
        return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }
}
