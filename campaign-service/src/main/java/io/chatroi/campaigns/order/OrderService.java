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
 * Turns shop orders into stored, attributed orders inside the caller's transaction: refunds are kept by their own
 * id, the order is credited (tracked-link code, UTM, last click, last delivered send, or none) and upserted by
 * (source, external id). The won deal follows through {@link OrderDealSync}.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final LinkCodes links;

    public OrderService(OrderRepository orders, LinkCodes links) {
        this.orders = orders;
        this.links = links;
    }

    public Uni<OrderRepository.Stored> ingest(SqlClient tx, ShopOrder order, Instant now) {
        LandingSite landing = LandingSite.of(order.landingSite(), order.landingSiteRef());
        List<UUID> linked = landing.codeCandidates().stream().map(this::target).flatMap(Optional::stream)
                .map(LinkCode.Target::sendId).distinct().toList();
        return orders.addRefunds(tx, order.refunds())
                .chain(() -> orders.attribute(tx, order.phones(), order.orderedAt(),
                        landing.campaignName().orElse(null), landing.utmContent(), linked))
                .chain(credit -> orders.upsert(tx, order, credit, now));
    }

    /** A refund on its own (Shopify's refunds/create); counted once by its id, even before its order arrives. */
    public Uni<Integer> refund(SqlClient tx, ShopOrder.Refund refund, Instant now) {
        return orders.addRefunds(tx, List.of(refund))
                .chain(() -> orders.refreshRefunded(tx, refund.source(), refund.orderExternalId(), now));
    }

    private Optional<LinkCode.Target> target(String code) {
        try {
            return links.target(code);
        } catch (IllegalStateException unsignedLinks) {
            return Optional.empty();
        }
    }
}
