package io.chatroi.contacts.interaction;

import io.chatroi.contacts.ad.AdReferralRepository;
import io.chatroi.contacts.deal.ChatOrderDeals;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * What a new inbound message's details do, inside its interaction's transaction: the order and the Flow's reply are
 * kept with the interaction, an order opens (or updates) the contact's inquiry deal with its amount and campaign,
 * and an ad referral is recorded and makes the contact's source ads_ctwa when it had none. Runs only for an
 * interaction recorded now, so a forwarded message replayed changes nothing again.
 */
@ApplicationScoped
public class InboundEffects {

    private final InteractionRepository interactions;
    private final ChatOrderDeals orderDeals;
    private final AdReferralRepository ads;

    public InboundEffects(InteractionRepository interactions, ChatOrderDeals orderDeals, AdReferralRepository ads) {
        this.interactions = interactions;
        this.orderDeals = orderDeals;
        this.ads = ads;
    }

    Uni<Void> apply(SqlClient tx, UUID contactId, UUID interactionId, InteractionInput input, InboundDetails details,
                    Instant now) {
        if (details.empty() || !"inbound".equals(input.direction())) {
            return Uni.createFrom().voidItem();
        }
        ChatOrder order = details.order();
        Uni<Void> kept = order == null && details.flowResponse() == null ? Uni.createFrom().voidItem()
                : interactions.keepDetails(tx, interactionId, order == null ? null : JsonObject.mapFrom(order),
                        details.flowResponse());
        return kept
                .chain(() -> order == null ? Uni.createFrom().voidItem()
                        : orderDeals.open(tx, contactId, order, input.externalId(), input.at(), now))
                .chain(() -> details.referral() == null ? Uni.createFrom().voidItem()
                        : ads.record(tx, contactId, interactionId, details.referral(), input.at(), now));
    }
}
