package io.chatroi.metrics.recompute;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The nightly recompute (cron from config, in the workspace time zone): sync, then the days whose facts changed.
 * Between nights a periodic sync keeps the facts fresh, so a recompute on demand has little to pull.
 */
@ApplicationScoped
public class RecomputeJob {

    private static final Logger LOG = Logger.getLogger(RecomputeJob.class);

    private final RecomputeService recompute;

    public RecomputeJob(RecomputeService recompute) {
        this.recompute = recompute;
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
