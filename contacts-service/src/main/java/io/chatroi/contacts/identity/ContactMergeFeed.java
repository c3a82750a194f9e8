package io.chatroi.contacts.identity;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** The merges of contacts, oldest first, resumable after any failure by (mergedAt, absorbedId). */
@ApplicationScoped
public class ContactMergeFeed {

    /** {@code absorbedId} was merged into {@code survivorId} at {@code mergedAt}. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ContactMergeItem")
    public record Merge(UUID absorbedId, UUID survivorId, Instant mergedAt) {
    }

    private final Pool pool;
    private final IdentityRepository identities;

    public ContactMergeFeed(Pool pool, IdentityRepository identities) {
        this.pool = pool;
        this.identities = identities;
    }

    public Uni<Page<Merge>> list(Instant updatedAfter, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return identities.merges(pool, updatedAfter, cursor, limit + 1)
                .map(items -> Page.of(items, limit, last -> new TimeIdCursor(last.mergedAt(), last.absorbedId())
                        .encode()));
    }
}
