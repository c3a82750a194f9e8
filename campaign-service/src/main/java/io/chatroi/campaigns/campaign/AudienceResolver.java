package io.chatroi.campaigns.campaign;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.send.SendRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final CampaignRepository campaigns;
    private final ContactsClient contacts;
    private final SendRepository sends;
    private final Clock clock;
    private final int pageSize;

    public AudienceResolver(Pool pool, CampaignRepository campaigns, ContactsClient contacts, SendRepository sends,
                            Clock clock, @ConfigProperty(name = "chatroi.campaigns.audience-page-size") int pageSize) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.sends = sends;
        this.clock = clock;
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
        return campaigns.unresolved(pool)
                .chain(ids -> Multi.createFrom().iterable(ids).onItem()
                        .transformToUniAndConcatenate(id -> resolve(id).onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Resolving the audience of campaign %s failed, will retry: %s", id,
                                    failure.getMessage());
                            return null;
                        }))
                        .collect().last().replaceWithVoid());
    }

    /** Resolves one page; returns whether more pages remain. */
    Uni<Boolean> step(UUID campaignId) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> campaigns.lockUnresolved(tx, campaignId)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Campaign campaign = found.get();
                    List<Campaign.Variant> variants = campaign.split().variants();
                    VariantAssignment assignment = new VariantAssignment(variants, campaign.split().holdoutWeight());
                    Instant scheduled = campaign.scheduledAt();
                    Instant due = scheduled == null || scheduled.isBefore(now) ? now : scheduled;
                    return contacts.page(campaign.audience(), campaign.audienceCursor(), pageSize).chain(page -> {
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
                                .chain(() -> campaigns.advanceAudience(tx, campaignId, page.nextCursor(), done, now))
                                .replaceWith(!done);
                    });
                }));
    }
}
