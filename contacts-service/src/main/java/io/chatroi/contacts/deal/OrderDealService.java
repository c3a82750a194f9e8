package io.chatroi.contacts.deal;

import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.PhoneNumbers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Deals made from shop orders. An order is matched to a contact by the first of its phones a contact has; a paid
 * order is a won deal with the order's revenue after refunds, owned by the contact's owner and credited to the
 * order's campaign; a cancelled or fully refunded order's deal is lost. The contact's stage moves as for any deal
 * (customer, repeat customer). Keyed by origin, so forwarding an order again changes nothing twice.
 */
@ApplicationScoped
public class OrderDealService {

    private static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final OrderDealRepository orders;
    private final DealService deals;
    private final Clock clock;

    public OrderDealService(Pool pool, OrderDealRepository orders, DealService deals, Clock clock) {
        this.pool = pool;
        this.orders = orders;
        this.deals = deals;
        this.clock = clock;
    }

    public Uni<OrderDealInput.Results> apply(OrderDealInput input) {
        Validator errors = new Validator();
        List<OrderDealInput.Item> items = input == null || input.items() == null ? List.of() : input.items();
        errors.require(items.size() <= MAX_ITEMS, "items", "at most " + MAX_ITEMS + " per call");
        for (int i = 0; i < items.size(); i++) {
            OrderDealInput.Item item = items.get(i);
            errors.require(item != null && item.source() != null && item.externalId() != null,
                    "items[" + i + "]", "needs source and externalId");
            errors.require(item == null || item.revenue() == null || item.revenue().signum() >= 0,
                    "items[" + i + "].revenue", "must not be negative");
        }
        errors.throwIfInvalid();
        Instant now = clock.instant();
        return pool.withTransaction(tx -> Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> one(tx, item, now))
                .collect().asList().map(OrderDealInput.Results::new));
    }

    private Uni<OrderDealInput.Result> one(SqlClient tx, OrderDealInput.Item item, Instant now) {
        List<String> phones = (item.phones() == null ? List.<String>of() : item.phones()).stream()
                .filter(Objects::nonNull).map(p -> PhoneNumbers.parse(p, null).map(PhoneNumbers.Parsed::e164))
                .flatMap(Optional::stream).distinct().toList();
        String origin = item.source() + ":" + item.externalId();
        return orders.contactByPhones(tx, phones).chain(contactId -> {
            if (contactId.isEmpty()) {
                return Uni.createFrom().item(new OrderDealInput.Result(item.source(), item.externalId(), null, null,
                        null));
            }
            return deals.contactForUpdate(tx, contactId.get()).chain(contact -> orders.dealOf(tx, origin)
                    .chain(existing -> {
                        boolean won = OrderDealRepository.isWon(item);
                        if (existing.isEmpty() && !won) {
                            return Uni.createFrom().item(new OrderDealInput.Result(item.source(), item.externalId(),
                                    contact.id(), null, null));
                        }
                        UUID dealId = existing.map(OrderDealRepository.OrderDeal::id).orElseGet(UUID::randomUUID);
                        Uni<Boolean> written;
                        if (existing.isEmpty()) {
                            written = orders.insertWon(tx, dealId, contact.id(), item, contact.owner(), origin, now)
                                    .replaceWith(true);
                        } else if (won) {
                            written = orders.updateWon(tx, dealId, item, now);
                        } else {
                            written = orders.markLost(tx, dealId,
                                    item.cancelledAt() != null ? item.cancelledAt() : now, now);
                        }
                        DealStage stage = won ? DealStage.WON : DealStage.LOST;
                        return written.chain(changed -> changed ? deals.moveContact(tx, contact, stage, now)
                                        : Uni.createFrom().voidItem())
                                .replaceWith(new OrderDealInput.Result(item.source(), item.externalId(), contact.id(),
                                        dealId, stage.wire()));
                    }));
        });
    }
}
