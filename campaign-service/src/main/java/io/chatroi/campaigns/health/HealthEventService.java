package io.chatroi.campaigns.health;

import io.chatroi.campaigns.campaign.CampaignRepository;
import io.chatroi.campaigns.template.TemplateRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Stores a delivery's account-health events inside the webhook's transaction and applies the template status
 * updates among them: the template takes the status, reason and time; a PAUSED or DISABLED template pauses the
 * scheduled and sending campaigns that use it, with the reason. A retried delivery stores and moves nothing again.
 */
@ApplicationScoped
public class HealthEventService {

    private final AccountEventRepository events;
    private final TemplateRepository templates;
    private final CampaignRepository campaigns;

    public HealthEventService(AccountEventRepository events, TemplateRepository templates,
                             CampaignRepository campaigns) {
        this.events = events;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    public Uni<Void> store(SqlClient tx, String deliveryKey, List<HealthEvent> batch, Instant receivedAt) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.insert(tx, deliveryKey, batch, receivedAt).chain(fresh -> {
            List<HealthEvent> statuses = IntStream.range(0, batch.size()).filter(i -> fresh.contains(i))
                    .mapToObj(batch::get)
                    .filter(e -> e.templateStatus() && e.templateName() != null && e.templateLanguage() != null
                            && e.event() != null)
                    .sorted(Comparator.comparing(e -> at(e, receivedAt))).toList();
            if (statuses.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(statuses)
                    .onItem().transformToUniAndConcatenate(e -> apply(tx, e, receivedAt))
                    .collect().last().replaceWithVoid();
        });
    }

    private Uni<Integer> apply(SqlClient tx, HealthEvent e, Instant receivedAt) {
        return templates.moveStatus(tx, e.templateName(), e.templateLanguage(), e.event(), e.reason(),
                at(e, receivedAt), receivedAt).chain(moved ->
                moved.isEmpty() || !HealthRules.stopsCampaigns(e.event()) ? Uni.createFrom().item(0)
                        : campaigns.pauseUsingTemplates(tx, moved, HealthRules.pauseReason(e.templateName(),
                        e.templateLanguage(), e.event(), e.reason()), receivedAt));
    }

    private static Instant at(HealthEvent e, Instant receivedAt) {
        return e.at() != null ? e.at() : receivedAt;
    }
}
