package io.chatroi.contacts.deal;

import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.common.phone.PhoneNumbers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deals made from shop orders. An order is matched to a contact by the first of its phones a contact has; a paid
 * order is a won deal with the order's revenue after refunds, owned by the contact's owner and credited to the
 * order's campaign; a cancelled or fully refunded order's deal is lost. The contact's stage moves as for any deal
 * (customer, repeat customer). Keyed by origin, so forwarding an order again changes nothing twice. A call is one
 * transaction of a few statements whatever its size (campaign-service forwards up to 200 orders a call).
 */
@ApplicationScoped
public class OrderDealService {

    private static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final OrderDealRepository orders;
    private final DealService deals;
    private final ContactRepository contacts;
    private final Clock clock;

    public OrderDealService(Pool pool, OrderDealRepository orders, DealService deals, ContactRepository contacts,
                            Clock clock) {
        this.pool = pool;
        this.orders = orders;
        this.deals = deals;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Uni<OrderDealInput.Results> apply(OrderDealInput input) {
        Validator errors = new Validator();
        List<OrderDealInput.Item> items = input == null || input.items() == null ? List.of() : input.items();
        errors.require(items.size() <= MAX_ITEMS, "items", "at most " + MAX_ITEMS + " per call");
        Set<String> origins = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            OrderDealInput.Item item = items.get(i);
            errors.require(item != null && item.source() != null && item.externalId() != null,
                    "items[" + i + "]", "needs source and externalId");
            errors.require(item == null || item.revenue() == null || item.revenue().signum() >= 0,
                    "items[" + i + "].revenue", "must not be negative");
            errors.require(item == null || item.source() == null || item.externalId() == null
                    || origins.add(origin(item)), "items[" + i + "]", "names an order already in this call");
        }
        errors.throwIfInvalid();
        Instant now = clock.instant();
        List<List<String>> phones = items.stream().map(OrderDealService::phones).toList();
        return pool.withTransaction(tx -> orders.contactsByPhones(tx, phones).chain(matched -> {
            // matched: item index to contact id (a mutable map: contacts erased meanwhile are taken out again)
            if (matched.isEmpty()) {
                return Uni.createFrom().item(results(items, matched, Map.of(), Map.of()));
            }
            List<UUID> contactIds = matched.values().stream().distinct().toList();
            List<String> matchedOrigins = matched.keySet().stream().map(i -> origin(items.get(i))).toList();
            return contacts.findAllForUpdate(tx, contactIds).chain(locked -> orders.dealsOf(tx, matchedOrigins)
                    .chain(existing -> write(tx, items, matched, locked, existing, now)));
        }));
    }

    /** The writes of the matched items, each kind in one statement, then the contacts whose deals changed move. */
    private Uni<OrderDealInput.Results> write(SqlClient tx, List<OrderDealInput.Item> items, Map<Integer, UUID> matched,
                                              List<ContactRow> locked, Map<String, OrderDealRepository.OrderDeal> existing,
                                              Instant now) {
        Map<UUID, ContactRow> byId = new HashMap<>();
        locked.stream().filter(contact -> contact.erasedAt() == null).forEach(contact -> byId.put(contact.id(), contact));
        matched.values().removeIf(contactId -> !byId.containsKey(contactId));
        Map<Integer, UUID> dealIds = new HashMap<>();
        Map<Integer, DealStage> stages = new HashMap<>();
        List<OrderDealRepository.NewWon> inserts = new ArrayList<>();
        Map<UUID, OrderDealInput.Item> wins = new LinkedHashMap<>();
        Map<UUID, Instant> losses = new LinkedHashMap<>();
        Map<UUID, Integer> itemOfDeal = new HashMap<>();
        for (Map.Entry<Integer, UUID> match : new TreeMap<>(matched).entrySet()) {
            int index = match.getKey();
            OrderDealInput.Item item = items.get(index);
            ContactRow contact = byId.get(match.getValue());
            OrderDealRepository.OrderDeal deal = existing.get(origin(item));
            boolean won = OrderDealRepository.isWon(item);
            if (deal == null && !won) {
                continue;
            }
            UUID dealId = deal == null ? UUID.randomUUID() : deal.id();
            dealIds.put(index, dealId);
            stages.put(index, won ? DealStage.WON : DealStage.LOST);
            itemOfDeal.put(dealId, index);
            if (deal == null) {
                inserts.add(new OrderDealRepository.NewWon(dealId, contact.id(), item, contact.owner(), origin(item)));
            } else if (won) {
                wins.put(dealId, item);
            } else {
                losses.put(dealId, item.cancelledAt() != null ? item.cancelledAt() : now);
            }
        }
        return orders.insertWon(tx, inserts, now)
                .chain(() -> orders.updateWon(tx, wins, now))
                .chain(wonChanged -> orders.markLost(tx, losses, now).map(lostChanged -> {
                    Set<UUID> changed = new HashSet<>(wonChanged);
                    changed.addAll(lostChanged);
                    inserts.forEach(deal -> changed.add(deal.id()));
                    return changed;
                }))
                .chain(changed -> {
                    // each contact moves by the stage of its last changed deal, in the order given
                    Map<UUID, DealStage> lastStage = new LinkedHashMap<>();
                    changed.stream().map(itemOfDeal::get).sorted().forEach(index ->
                            lastStage.put(matched.get(index), stages.get(index)));
                    List<ContactRow> moved = lastStage.keySet().stream().map(byId::get).toList();
                    return deals.moveContacts(tx, moved, lastStage, now);
                })
                .map(ignored -> results(items, matched, dealIds, stages));
    }

    private static OrderDealInput.Results results(List<OrderDealInput.Item> items, Map<Integer, UUID> matched,
                                                  Map<Integer, UUID> dealIds, Map<Integer, DealStage> stages) {
        List<OrderDealInput.Result> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            OrderDealInput.Item item = items.get(i);
            DealStage stage = stages.get(i);
            results.add(new OrderDealInput.Result(item.source(), item.externalId(), matched.get(i), dealIds.get(i),
                    stage == null ? null : stage.wire()));
        }
        return new OrderDealInput.Results(results);
    }

    private static List<String> phones(OrderDealInput.Item item) {
        return (item.phones() == null ? List.<String>of() : item.phones()).stream().filter(Objects::nonNull)
                .map(p -> PhoneNumbers.parse(p, null).map(PhoneNumbers.Parsed::e164)).flatMap(Optional::stream)
                .distinct().toList();
    }

    private static String origin(OrderDealInput.Item item) {
        return item.source() + ":" + item.externalId();
    }
}
