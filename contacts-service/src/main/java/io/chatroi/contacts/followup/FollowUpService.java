package io.chatroi.contacts.followup;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keeps each contact's next follow-up (due time and reason) current: recomputed by {@link FollowUpPolicy} whenever
 * a message, a deal or the daily re-tiering changes what it depends on, and listed most urgent first.
 */
@ApplicationScoped
public class FollowUpService {

    private final Pool pool;
    private final FollowUpRepository repository;
    private final Clock clock;

    public FollowUpService(Pool pool, FollowUpRepository repository, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.clock = clock;
    }

    /** Recomputes and stores the follow-up of each contact, in the caller's transaction. */
    public Uni<Void> refresh(SqlClient client, List<UUID> contactIds, Instant now) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.facts(client, contactIds, now).chain(subjects -> {
            int n = subjects.size();
            if (n == 0) {
                return Uni.createFrom().voidItem();
            }
            UUID[] ids = new UUID[n];
            OffsetDateTime[] dueAt = new OffsetDateTime[n];
            String[] reasons = new String[n];
            for (int i = 0; i < n; i++) {
                Optional<FollowUp> next = FollowUpPolicy.next(subjects.get(i).facts());
                ids[i] = subjects.get(i).id();
                dueAt[i] = next.map(f -> time(f.dueAt())).orElse(null);
                reasons[i] = next.map(FollowUp::reason).orElse(null);
            }
            return repository.store(client, ids, dueAt, reasons);
        });
    }

    public Uni<Page<DueFollowUp>> due(String owner, Instant dueBefore, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        Instant now = clock.instant();
        return repository.due(pool, owner, dueBefore, cursor, limit, now)
                .map(items -> Page.of(items, limit, last -> new TimeIdCursor(last.dueAt(), last.contactId()).encode()));
    }

    /** One row of the due follow-ups list. */
    public record DueFollowUp(
            UUID contactId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String owner,
            Instant dueAt,
            String reason,
            @Schema(nullable = true) String intent,
            String activity) {
    }
}
