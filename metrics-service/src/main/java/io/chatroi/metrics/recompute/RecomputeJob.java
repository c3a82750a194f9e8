package io.chatroi.metrics.recompute;

import io.chatroi.metrics.observability.MetricsTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The nightly recompute (cron from config, in the workspace time zone): sync, then the days whose facts changed.
 * Between nights a periodic sync keeps the facts fresh, so a recompute on demand has little to pull.
 */
@ApplicationScoped
public class RecomputeJob {

    private static final Logger LOG = Logger.getLogger(RecomputeJob.class);

    private final RecomputeService recompute;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final MetricsTelemetry telemetry;

    public RecomputeJob(RecomputeService recompute, io.vertx.mutiny.sqlclient.Pool pool, MetricsTelemetry telemetry) {
        this.recompute = recompute;
        this.pool = pool;
        this.telemetry = telemetry;
    }

    /** The last success survives restarts in recompute_runs, so the "recompute missing" alert does not fire on one. */
    void readLastSuccess(@Observes StartupEvent event) {
        pool.query("SELECT max(finished_at) AS at FROM recompute_runs WHERE status = 'succeeded'").execute()
                .subscribe().with(rows -> {
                    var at = rows.iterator().next().getOffsetDateTime("at");
                    telemetry.knownLastSuccess(at == null ? null : at.toInstant());
                }, failure -> LOG.warnf("Last recompute not read: %s", failure.getMessage()));
    }

    @Scheduled(cron = "{chatroi.recompute.cron}", timeZone = "{chatroi.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        return recompute.request(null, "nightly").invoke(run -> LOG.infof("Nightly recompute %s queued", run.id()))
                .replaceWithVoid();
    }

    @Scheduled(every = "{chatroi.sync.every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sync() {
        return recompute.syncOnly().onFailure().invoke(f -> LOG.warnf("Periodic sync failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
