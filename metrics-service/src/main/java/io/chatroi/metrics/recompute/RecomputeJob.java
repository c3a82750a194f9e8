package io.chatroi.metrics.recompute;

import io.chatroi.metrics.observability.MetricsTelemetry;
import io.chatroi.metrics.settings.SettingsService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The nightly recompute: sync, then the days whose facts changed. Its cron (config) is read in the time zone of the
 * settings row, which can change at run time, so a short periodic check asks whether the cron fired since the
 * previous check rather than a scheduler fixing the zone at start. Between nights a periodic sync keeps the facts
 * fresh, so a recompute on demand has little to pull.
 */
@ApplicationScoped
public class RecomputeJob {

    private static final Logger LOG = Logger.getLogger(RecomputeJob.class);

    private final RecomputeService recompute;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final MetricsTelemetry telemetry;
    private final SettingsService settings;
    private final Clock clock;
    private final NightlySchedule schedule;
    private final AtomicReference<Instant> lastCheck;

    public RecomputeJob(RecomputeService recompute, io.vertx.mutiny.sqlclient.Pool pool, MetricsTelemetry telemetry,
                        SettingsService settings, Clock clock,
                        @ConfigProperty(name = "chatroi.recompute.cron") String cron) {
        this.recompute = recompute;
        this.pool = pool;
        this.telemetry = telemetry;
        this.settings = settings;
        this.clock = clock;
        this.schedule = new NightlySchedule(cron);
        this.lastCheck = new AtomicReference<>(clock.instant());
    }

    /** The last success survives restarts in recompute_runs, so the "recompute missing" alert does not fire on one. */
    void readLastSuccess(@Observes StartupEvent event) {
        RecomputeRunRepository.lastSuccess(pool)
                .subscribe().with(rows -> {
                    var at = rows.iterator().next().getOffsetDateTime("at");
                    telemetry.knownLastSuccess(at == null ? null : at.toInstant());
                }, failure -> LOG.warnf("Last recompute not read: %s", failure.getMessage()));
    }

    @Scheduled(every = "{chatroi.recompute.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        Instant now = clock.instant();
        return nightlyIfDue(lastCheck.getAndSet(now), now).replaceWithVoid();
    }

    /** Queues the nightly run when the cron fired in (after, upTo] in the settings' zone; null when it did not. */
    Uni<RecomputeRun> nightlyIfDue(Instant after, Instant upTo) {
        return settings.get().chain(s -> schedule.dueBetween(after, upTo, s.zone())
                ? recompute.request(null, "nightly").invoke(run -> LOG.infof("Nightly recompute %s queued (%s)",
                        run.id(), s.timeZone()))
                : Uni.createFrom().nullItem());
    }

    @Scheduled(every = "{chatroi.sync.every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sync() {
        return recompute.syncOnly().onFailure().invoke(f -> LOG.warnf("Periodic sync failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
