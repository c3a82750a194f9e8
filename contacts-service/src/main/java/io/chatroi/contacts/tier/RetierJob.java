package io.chatroi.contacts.tier;

import io.chatroi.contacts.followup.FollowUpService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ages tiers that change with time alone (activity decays, high intent cools to medium): one set-based UPDATE
 * finds every contact whose live tier differs from the recorded one, records the moves in the tag history, bumps
 * updatedAt (so incremental sync sees the change) and refreshes those contacts' follow-ups. Reads never depend on
 * it: they compute tiers live. Runs daily and on demand; running it twice changes nothing the second time.
 */
@ApplicationScoped
public class RetierJob {

    private static final Logger LOG = Logger.getLogger(RetierJob.class);
    private static final int FOLLOW_UP_BATCH = 1000;

    private final Pool pool;
    private final TierRepository repository;
    private final FollowUpService followUps;
    private final Clock clock;

    public RetierJob(Pool pool, TierRepository repository, FollowUpService followUps, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Scheduled(cron = "{chatroi.contacts.retier-cron}", timeZone = "{chatroi.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        return run().invoke(changed -> LOG.infof("Re-tiered %d contacts", changed)).replaceWithVoid();
    }

    /** Returns the number of contacts whose activity or intent tier moved. */
    public Uni<Integer> run() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> repository.retier(tx, now).chain(moved -> {
            Uni<Void> refresh = Uni.createFrom().voidItem();
            for (int from = 0; from < moved.size(); from += FOLLOW_UP_BATCH) {
                List<UUID> batch = moved.subList(from, Math.min(moved.size(), from + FOLLOW_UP_BATCH));
                refresh = refresh.chain(() -> followUps.refresh(tx, batch, now));
            }
            return refresh.replaceWith(moved.size());
        }));
    }
}
