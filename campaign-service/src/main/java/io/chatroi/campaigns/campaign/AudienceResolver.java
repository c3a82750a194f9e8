package io.chatroi.campaigns.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.send.SendRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a launched campaign's audience into sends, one page of contacts-service at a time: each page is fetched,
 * assigned to variants and inserted in one transaction that also advances the stored cursor, holding the campaign
 * row with SKIP LOCKED. So a launch never loads the audience in memory, resumes where it stopped after a crash
 * (a periodic job picks unfinished launches up), and two replicas never resolve the same page twice.
 */
@ApplicationScoped
public class AudienceResolver {

    private static final Logger LOG = Logger.getLogger(AudienceResolver.class);

    private final Pool pool;
    private final ContactsClient contacts;
    private final SendRepository sends;
    private final ObjectMapper json;
    private final int pageSize;
    private final Clock clock;

    public AudienceResolver(Pool pool, ContactsClient contacts, SendRepository sends, ObjectMapper json,
                            @ConfigProperty(name = "chatroi.campaigns.audience-page-size") int pageSize,
                            Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.contacts = contacts;
        this.sends = sends;
        this.json = json;
        this.pageSize = pageSize;
    }

    /** Resolves the whole audience, page after page; completes when nothing is left or another replica holds it. */
    public Uni<Void> resolve(UUID campaignId) {
        return Multi.createBy().repeating().uni(() -> step(campaignId)).whilst(more -> more)
                .collect().last().replaceWithVoid();
    }

    @Scheduled(every = "{chatroi.campaigns.audience-resume-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resumeUnfinished() {
        return pool.query("SELECT id FROM campaigns WHERE NOT audience_resolved"
                        + " AND status IN ('scheduled', 'sending', 'paused')").execute()
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return Multi.createFrom().iterable(ids).onItem()
                            .transformToUniAndConcatenate(id -> resolve(id).onFailure().recoverWithItem(failure -> {
                                LOG.warnf("Resolving the audience of campaign %s failed, will retry: %s", id,
                                        failure.getMessage());
                                return null;
                            }))
                            .collect().last().replaceWithVoid();
                });
    }

    /** Resolves one page; returns whether more pages remain. */
    Uni<Boolean> step(UUID campaignId) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT audience, split, scheduled_at,"
                        + " audience_cursor FROM campaigns WHERE id = $1 AND NOT audience_resolved"
                        + " AND status IN ('scheduled', 'sending', 'paused') FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(campaignId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    Map<String, Object> audience = row.getJsonObject("audience").getMap();
                    Campaign.Split split = json.convertValue(row.getJsonObject("split").getMap(), Campaign.Split.class);
                    List<Campaign.Variant> variants = split.variants();
                    VariantAssignment assignment = new VariantAssignment(variants, split.holdoutWeight());
                    OffsetDateTime scheduled = row.getOffsetDateTime("scheduled_at");
                    Instant now = clock.instant();
                    Instant due = scheduled == null || scheduled.toInstant().isBefore(now) ? now : scheduled.toInstant();
                    return contacts.page(audience, row.getString("audience_cursor"), pageSize).chain(page -> {
                        List<SendRepository.NewSend> batch = new ArrayList<>(page.members().size());
                        for (ContactsClient.Member member : page.members()) {
                            String variant = assignment.assign(campaignId, member.id());
                            UUID template = variants.stream().filter(v -> v.key().equals(variant)).findFirst()
                                    .map(Campaign.Variant::templateId).orElse(null);
                            batch.add(new SendRepository.NewSend(member.id(), member.phone(), variant, template,
                                    template == null ? "holdout" : "queued", member.whatsappUserId()));
                        }
                        boolean done = page.nextCursor() == null;
                        return sends.insert(tx, campaignId, batch, due, now)
                                .chain(() -> tx.preparedQuery("UPDATE campaigns SET audience_cursor = $2,"
                                                + " audience_resolved = $3, updated_at = $4 WHERE id = $1")
                                        .execute(Tuple.of(campaignId, page.nextCursor(), done,
                                                now.atOffset(java.time.ZoneOffset.UTC))))
                                .replaceWith(!done);
                    });
                }));
    }
}
