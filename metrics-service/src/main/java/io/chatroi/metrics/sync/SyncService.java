package io.chatroi.metrics.sync;

import io.smallrye.mutiny.Multi;
import io.chatroi.metrics.observability.MetricsTelemetry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Pulls what changed from contacts-service and campaign-service into metrics' own fact tables, stream by stream,
 * page by page. Each page's upserts, the days it makes stale and the stream's cursor commit in one transaction, so a
 * crash resumes at the next page; a finished stream restarts from the newest updatedAt seen minus an overlap (rows
 * committed late with an earlier updatedAt are picked up; upserts make the overlap harmless). After every pass the
 * facts of merged contacts are re-pointed to the survivors.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /**
     * One stream: where it comes from (the owner, and the listing's path under /api/v1/), how its items become rows,
     * which days they make stale, and which fields of an item are its id and its change time (the cursor's pair).
     */
    private record Stream(String name, String source, String path, String upsert, Function<JsonObject, Tuple> row,
                          String dirtySql, String idField, String timeField) {

        Stream(String name, String source, String upsert, Function<JsonObject, Tuple> row, String dirtySql) {
            this(name, source, name, upsert, row, dirtySql, "id", "updatedAt");
        }

        Stream(String name, String source, String path, String upsert, Function<JsonObject, Tuple> row,
               String dirtySql) {
            this(name, source, path, upsert, row, dirtySql, "id", "updatedAt");
        }

        Stream(String name, String source, String upsert, Function<JsonObject, Tuple> row, String dirtySql,
               String idField, String timeField) {
            this(name, source, name, upsert, row, dirtySql, idField, timeField);
        }
    }

    // dirtySql gets $1 = ids of the page (uuid[]), $2 = time zone
    private static final List<Stream> STREAMS = List.of(
            // merges first: the facts pulled after them are re-pointed in the same pass (repointMergedFacts)
            new Stream("contact-merges", FactSources.CONTACTS, SyncRepository.CONTACT_MERGES, FactRows::contactMerge, null,
                    "absorbedId", "mergedAt"),
            new Stream("contacts", FactSources.CONTACTS, SyncRepository.CONTACTS, FactRows::contact,
                    SyncRepository.CONTACTS_DAYS),
            // after the contacts: the days a referral makes stale are its contact's
            new Stream("ad-referrals", FactSources.CONTACTS, SyncRepository.AD_REFERRALS, FactRows::adReferral,
                    SyncRepository.AD_REFERRALS_DAYS, "id", "createdAt"),
            new Stream("interactions", FactSources.CONTACTS, SyncRepository.INTERACTIONS, FactRows::interaction,
                    SyncRepository.INTERACTIONS_DAYS),
            new Stream("deals", FactSources.CONTACTS, SyncRepository.DEALS, FactRows::deal, SyncRepository.DEALS_DAYS),
            new Stream("campaigns", FactSources.CAMPAIGNS, SyncRepository.CAMPAIGNS, FactRows::campaign, null),
            new Stream("sends", FactSources.CAMPAIGNS, SyncRepository.SENDS, FactRows::send, SyncRepository.SENDS_DAYS),
            // read live by the resolution times, never by a snapshot: no day goes stale
            new Stream("resolutions", FactSources.CAMPAIGNS, "conversations/resolutions", SyncRepository.RESOLUTIONS,
                    FactRows::resolution, null));

    public record StreamResult(String stream, long items, String error) {
    }

    private final Pool pool;
    private final SyncRepository repository;
    private final FactSources sources;
    private final int pageSize;
    private final Duration overlap;
    private final MetricsTelemetry telemetry;
    private final Clock clock;

    public SyncService(Pool pool, SyncRepository repository, FactSources sources,
                       @ConfigProperty(name = "chatroi.sync.page-size") int pageSize,
                       @ConfigProperty(name = "chatroi.sync.overlap") Duration overlap, MetricsTelemetry telemetry,
                       Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.sources = sources;
        this.pageSize = pageSize;
        this.overlap = overlap;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Syncs every stream in turn; a stream whose owner fails is reported and the others still run. */
    public Uni<List<StreamResult>> syncAll(String timeZone) {
        return Multi.createFrom().iterable(STREAMS)
                .onItem().transformToUniAndConcatenate(stream -> syncStream(stream, timeZone)
                        .map(items -> new StreamResult(stream.name(), items, null))
                        .onFailure().recoverWithUni(failure -> recordError(stream, failure)))
                .collect().asList()
                // after every pass, since a fact may arrive under an absorbed id after its merge did
                .call(() -> pool.withTransaction(tx -> repository.repointMergedFacts(tx, timeZone)));
    }

    private Uni<StreamResult> recordError(Stream stream, Throwable failure) {
        LOG.warnf("Sync of %s failed: %s", stream.name(), failure.getMessage());
        telemetry.syncFailed(stream.name());
        return repository.recordError(pool, stream.name(), String.valueOf(failure.getMessage()))
                .replaceWith(new StreamResult(stream.name(), 0, String.valueOf(failure.getMessage())));
    }

    private Uni<Long> syncStream(Stream stream, String timeZone) {
        return repository.position(pool, stream.name())
                .chain(position -> pages(stream, timeZone, position, 0L));
    }

    private Uni<Long> pages(Stream stream, String timeZone, SyncRepository.Position position, long done) {
        Uni<UpstreamPage> fetch = sources.page(stream.source(), stream.path(), position.updatedAfter(),
                position.after(), pageSize);
        return fetch.chain(page -> {
            List<Tuple> rows = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            Instant maxSeen = position.maxSeen();
            for (Object item : page.items()) {
                JsonObject json = (JsonObject) item;
                rows.add(stream.row().apply(json));
                ids.add(UUID.fromString(json.getString(stream.idField())));
                Instant updated = FactRows.instant(json, stream.timeField());
                if (updated == null) {
                    updated = FactRows.instant(json, "createdAt");
                }
                if (updated != null && (maxSeen == null || updated.isAfter(maxSeen))) {
                    maxSeen = updated;
                }
            }
            boolean last = page.nextCursor() == null;
            SyncRepository.Position next = last
                    ? new SyncRepository.Position(maxSeen == null ? position.updatedAfter() : maxSeen.minus(overlap), null, maxSeen)
                    : new SyncRepository.Position(position.updatedAfter(), page.nextCursor(), maxSeen);
            long total = done + rows.size();
            Instant now = clock.instant();
            Uni<Void> write = pool.withTransaction(tx -> repository.upsert(tx, stream.upsert(), rows)
                    .chain(() -> repository.markDirty(tx, stream.dirtySql(), ids, timeZone))
                    .chain(() -> repository.saveCursor(tx, stream.name(), next, rows.size(), now)))
                    .invoke(() -> telemetry.synced(stream.name(), rows.size()));
            return write.chain(() -> last ? Uni.createFrom().item(total) : pages(stream, timeZone, next, total));
        });
    }

    /** Where each stream stands, for the status endpoint. */
    public Uni<SyncState> status() {
        return repository.status(pool);
    }
}
