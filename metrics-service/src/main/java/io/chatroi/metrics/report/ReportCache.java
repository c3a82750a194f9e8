package io.chatroi.metrics.report;

import io.chatroi.metrics.observability.MetricsTelemetry;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reports change only when snapshots, costs or settings do. Each read asks PostgreSQL for that version (one cheap
 * query: the last successful recompute, the costs' newest change and count, the settings' change) and answers from
 * memory when the same report was built at the same version, so every replica stays exact without coordination.
 * The same statement reads the settings a report is built with.
 */
@ApplicationScoped
public class ReportCache {

    private final Pool pool;
    private final SettingsService settings;
    private final Map<String, Object> entries;
    private final MetricsTelemetry telemetry;
    private final Clock clock;

    public ReportCache(Pool pool, SettingsService settings,
                       @ConfigProperty(name = "chatroi.reports.cache-entries") int maxEntries,
                       MetricsTelemetry telemetry, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.settings = settings;
        this.telemetry = telemetry;
        this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > maxEntries;
            }
        });
    }

    @SuppressWarnings("unchecked")
    /** The report for {@code key}, built with the current settings when this version has none in memory. */
    public <T> Uni<T> get(String key, Function<Settings, Uni<T>> build) {
        return ReportVersionRepository.read(pool).chain(row -> {
            String versioned = row.getString("v") + "#" + quarterHour() + "#" + key;
            Object hit = entries.get(versioned);
            telemetry.cache(hit != null);
            if (hit != null) {
                return Uni.createFrom().item((T) hit);
            }
            return settings.of(row).chain(s -> build.apply(s)).invoke(value -> entries.put(versioned, value));
        });
    }

    /**
     * Part of every key: default ranges end on the workspace's today, whose midnight can fall on any quarter hour in
     * UTC (every zone offset is a multiple of 15 minutes), so a cached answer lives at most until the next one.
     */
    private long quarterHour() {
        return clock.instant().getEpochSecond() / 900;
    }
}
