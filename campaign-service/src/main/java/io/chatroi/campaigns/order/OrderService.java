package io.chatroi.campaigns.order;

import io.chatroi.campaigns.link.LinkCode;
import io.chatroi.campaigns.link.LinkCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns shop orders into stored, attributed orders: refunds are kept by their own id, the order is credited
 * (tracked-link code, UTM, last click, last delivered send, or none) and upserted by (source, external id), all in
 * one statement. The won deal follows through {@link OrderDealSync}.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final LinkCodes links;

    public OrderService(OrderRepository orders, LinkCodes links) {
        this.orders = orders;
        this.links = links;
    }

    /** Stores an order inside the caller's transaction (the neutral API's batch). */
    public Uni<OrderRepository.Stored> ingest(SqlClient tx, ShopOrder order, Instant now) {
        return orders.ingest(tx, null, null, order, landing(order), now).map(Optional::orElseThrow);
    }

    /**
     * Stores a shop's delivery of an order in one statement of its own (no transaction needed around it); empty when
     * the delivery id was processed before, and then nothing was written.
     */
    public Uni<Optional<OrderRepository.Stored>> ingestDelivery(SqlClient client, String deliveryId, String topic,
                                                               ShopOrder order, Instant now) {
        return orders.ingest(client, deliveryId, topic, order, landing(order), now);
    }

    /** A refund on its own (Shopify's refunds/create); counted once by its id, even before its order arrives. */
    public Uni<Integer> refund(SqlClient tx, ShopOrder.Refund refund, Instant now) {
        return orders.addRefunds(tx, List.of(refund))
                .chain(() -> orders.refreshRefunded(tx, refund.source(), refund.orderExternalId(), now));
    }

    private OrderRepository.Landing landing(ShopOrder order) {
        LandingSite landing = LandingSite.of(order.landingSite(), order.landingSiteRef());
        List<UUID> linked = landing.codeCandidates().stream().map(this::target).flatMap(Optional::stream)
                .map(LinkCode.Target::sendId).distinct().toList();
        return new OrderRepository.Landing(landing.campaignName().orElse(null), landing.utmContent(), linked);
    }

    private Optional<LinkCode.Target> target(String code) {
        try {
            return links.target(code);
        } catch (IllegalStateException unsignedLinks) {
            return Optional.empty();
        }
    }
}
