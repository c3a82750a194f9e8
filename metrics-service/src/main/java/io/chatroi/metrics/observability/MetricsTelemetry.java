package io.chatroi.metrics.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * metrics-service's own metrics: recompute runs by outcome and duration, rows written and the last success
 * ({@code chatroi_recompute_*}), per sync stream the seconds since its last committed page and its failures
 * ({@code chatroi_sync_*}), and report cache hits and misses ({@code chatroi_reports_cache_total}). Stream names are
 * the fixed list of SyncService, never an id.
 */
@ApplicationScoped
public class MetricsTelemetry {

    private static final Duration[] RUN_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Map<String, AtomicLong> streamSyncedAt = new ConcurrentHashMap<>();
    private final long startedAt;

    public MetricsTelemetry(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.millis();
        Gauge.builder("chatroi.recompute.last.success", lastSuccess, v -> v.get() / 1000.0)
                .description("When the last recompute succeeded (Unix seconds; 0 until one has on this replica)")
                .baseUnit("timestamp_seconds").register(registry);
        registry.counter("chatroi.recompute.runs", "outcome", "failed");
        registry.counter("chatroi.recompute.runs", "outcome", "succeeded");
        registry.counter("chatroi.reports.cache", "result", "hit");
        registry.counter("chatroi.reports.cache", "result", "miss");
    }

    /** A recompute run ended: {@code succeeded}, {@code failed} or {@code skipped} (another replica held the lock). */
    public void recomputed(String outcome, long rowsWritten, long startedNanos) {
        registry.counter("chatroi.recompute.runs", "outcome", outcome).increment();
        Timer.builder("chatroi.recompute.duration").tag("outcome", outcome).serviceLevelObjectives(RUN_BUCKETS)
                .register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        if ("succeeded".equals(outcome)) {
            registry.counter("chatroi.recompute.rows.written").increment(rowsWritten);
            lastSuccess.set(clock.millis());
        }
    }

    /** The last recompute that succeeded before this replica started (read once from recompute_runs). */
    public void knownLastSuccess(Instant at) {
        if (at != null) {
            lastSuccess.accumulateAndGet(at.toEpochMilli(), Math::max);
        }
    }

    /** A page of {@code stream} committed: its lag starts again from zero. */
    public void synced(String stream, int items) {
        syncedAt(stream).set(clock.millis());
        registry.counter("chatroi.sync.items", "stream", stream).increment(items);
    }

    public void syncFailed(String stream) {
        syncedAt(stream);
        registry.counter("chatroi.sync.failures", "stream", stream).increment();
    }

    /** Seconds since the stream last committed a page (since this replica started, before its first). */
    private AtomicLong syncedAt(String stream) {
        return streamSyncedAt.computeIfAbsent(stream, name -> {
            AtomicLong at = new AtomicLong(startedAt);
            Gauge.builder("chatroi.sync.lag", at, v -> (clock.millis() - v.get()) / 1000.0)
                    .description("Seconds since the stream's last committed page").baseUnit("seconds")
                    .tag("stream", name).register(registry);
            return at;
        });
    }

    public void cache(boolean hit) {
        registry.counter("chatroi.reports.cache", "result", hit ? "hit" : "miss").increment();
    }
}
