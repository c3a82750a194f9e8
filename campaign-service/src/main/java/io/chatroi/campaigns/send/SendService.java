package io.chatroi.campaigns.send;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lists of sends: a campaign's (oldest first), and all sends by (updatedAt, id) for sync, as pages or whole. */
@ApplicationScoped
public class SendService {

    private final Pool pool;
    private final SendRepository repository;

    public SendService(Pool pool, SendRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<Page<SendView>> ofCampaign(UUID campaignId, SendFilter filter, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return repository.ofCampaign(pool, campaignId, filter, cursor, limit)
                .map(rows -> Page.of(rows, limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }

    /** The whole filtered list in the same order as the pages, for its CSV (bounded by the campaign's audience). */
    public Uni<List<SendView>> allOfCampaign(UUID campaignId, SendFilter filter) {
        return repository.ofCampaign(pool, campaignId, filter, null, null);
    }

    /**
     * Every send changed after {@code updatedAfter} (metrics-service's incremental sync), narrowed to those that went
     * out within {@code within} when it is given (a count's drill-down across campaigns).
     */
    public Uni<Page<SendView>> changedSince(Instant updatedAfter, SentWithin within, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return repository.changedSince(pool, updatedAfter, within, cursor, limit)
                .map(rows -> Page.of(rows, limit, last -> new TimeIdCursor(last.updatedAt(), last.id()).encode()));
    }

    /** The whole list of {@link #changedSince} in the same order as its pages, for its CSV (bounded by within). */
    public Uni<List<SendView>> allChangedSince(Instant updatedAfter, SentWithin within) {
        return repository.changedSince(pool, updatedAfter, within, null, null);
    }
}
