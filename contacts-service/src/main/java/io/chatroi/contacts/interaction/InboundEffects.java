package io.chatroi.contacts.interaction;

import io.chatroi.contacts.ad.AdReferralRepository;
import io.chatroi.contacts.deal.ChatOrderDeals;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private static final String KEEP_DETAILS = """
            UPDATE interactions SET chat_order = $2, flow_response = $3 WHERE id = $1""";

    private final ChatOrderDeals orderDeals;
    private final AdReferralRepository ads;

    public InboundEffects(ChatOrderDeals orderDeals, AdReferralRepository ads) {
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
                : tx.preparedQuery(KEEP_DETAILS).execute(Tuple.of(interactionId,
                        order == null ? null : JsonObject.mapFrom(order), details.flowResponse())).replaceWithVoid();
        return kept
                .chain(() -> order == null ? Uni.createFrom().voidItem()
                        : orderDeals.open(tx, contactId, order, input.externalId(), input.at(), now))
                .chain(() -> details.referral() == null ? Uni.createFrom().voidItem()
                        : ads.record(tx, contactId, interactionId, details.referral(), input.at(), now));
    }
}
