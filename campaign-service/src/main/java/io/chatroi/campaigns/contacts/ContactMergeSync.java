package io.chatroi.campaigns.contacts;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows contacts-service's merge feed (docs/architecture.md: incremental, resumable) and re-points the sends and
 * orders of absorbed contacts to their survivors. Each page's merges, the re-pointing and the feed position commit
 * in one transaction; a finished pass restarts from the newest merge seen minus an overlap, so a merge committed
 * late is still seen (storing it again changes nothing).
 */
@ApplicationScoped
public class ContactMergeSync {

    private static final Logger LOG = Logger.getLogger(ContactMergeSync.class);
    static final int PAGE = 500;
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final Pool pool;
    private final ContactsClient contacts;
    private final ContactMergeRepository merges;
    private final Clock clock;

    public ContactMergeSync(Pool pool, ContactsClient contacts, ContactMergeRepository merges, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.merges = merges;
        this.clock = clock;
    }

    @Scheduled(every = "{chatroi.campaigns.contact-merges-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodic() {
        return syncOnce().replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Following contact merges failed, will retry: %s", failure.getMessage());
            return null;
        });
    }

    /** Reads the feed to its end; returns how many sends and orders were re-pointed. */
    public Uni<Integer> syncOnce() {
        return merges.position(pool).chain(position -> pages(position, null, 0));
    }

    private Uni<Integer> pages(ContactMergeRepository.Position position, Instant newest, int moved) {
        return contacts.merges(position.updatedAfter(), position.after(), PAGE).chain(page -> {
            Instant seen = newest;
            for (ContactsClient.Merge merge : page.merges()) {
                if (seen == null || merge.mergedAt().isAfter(seen)) {
                    seen = merge.mergedAt();
                }
            }
            boolean last = page.nextCursor() == null;
            ContactMergeRepository.Position next = last
                    ? new ContactMergeRepository.Position(seen == null ? position.updatedAfter() : seen.minus(OVERLAP),
                    null)
                    : new ContactMergeRepository.Position(position.updatedAfter(), page.nextCursor());
            Instant now = clock.instant();
            Instant newestSeen = seen;
            return pool.withTransaction(tx -> merges.store(tx, page.merges())
                            .chain(() -> merges.repoint(tx, now))
                            .call(() -> merges.savePosition(tx, next)))
                    .chain(count -> last ? Uni.createFrom().item(moved + count)
                            : pages(next, newestSeen, moved + count));
        });
    }
}
