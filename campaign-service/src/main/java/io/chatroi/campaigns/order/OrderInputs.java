package io.chatroi.campaigns.order;

import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.problem.Validator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a bulk of neutral orders field by field (all errors at once) and turns them into {@link ShopOrder}s. */
public final class OrderInputs {

    static final int MAX_ITEMS = 1000;

    private OrderInputs() {
    }

    public static List<ShopOrder> validate(OrderInput.Batch batch) {
        Validator errors = new Validator();
        List<OrderInput> items = batch == null || batch.items() == null ? List.of() : batch.items();
        errors.require(!items.isEmpty(), "items", "must hold at least one order");
        errors.require(items.size() <= MAX_ITEMS, "items", "at most " + MAX_ITEMS + " orders per call");
        List<ShopOrder> orders = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size() && items.size() <= MAX_ITEMS; i++) {
            String at = "items[" + i + "]";
            OrderInput o = items.get(i);
            if (o == null) {
                errors.add(at, "must be an order object");
                continue;
            }
            errors.require(o.source() != null && o.source().matches("[a-z0-9][a-z0-9_-]{0,39}"), at + ".source",
                    "is required: lower-case letters, digits, - or _, at most 40");
            errors.require(o.externalId() != null && !o.externalId().isBlank() && o.externalId().length() <= 200,
                    at + ".externalId", "is required, at most 200 characters");
            if (o.source() != null && o.externalId() != null && !keys.add(o.source() + "\u0000" + o.externalId())) {
                errors.add(at + ".externalId", "appears twice in this call");
            }
            ShopOrder.OrderStatus status = o.status() == null
                    ? (o.cancelledAt() != null ? ShopOrder.OrderStatus.CANCELLED
                    : o.paidAt() != null ? ShopOrder.OrderStatus.PAID : ShopOrder.OrderStatus.PENDING)
                    : ShopOrder.OrderStatus.fromWire(o.status());
            errors.require(status != null, at + ".status", "must be one of pending, paid, cancelled");
            errors.require(o.amount() != null && o.amount().signum() >= 0 && o.amount().scale() <= 2
                    && o.amount().precision() - o.amount().scale() <= 16, at + ".amount",
                    "is required: a non-negative amount with at most 2 decimals");
            errors.require(o.refunded() == null || (o.refunded().signum() >= 0 && o.amount() != null
                    && o.refunded().compareTo(o.amount()) <= 0), at + ".refunded", "must be between 0 and amount");
            errors.require(o.profit() == null || o.amount() == null || o.profit().compareTo(o.amount()) <= 0,
                    at + ".profit", "cannot exceed amount");
            errors.require(o.currency() != null && o.currency().matches("[A-Z]{3}"), at + ".currency",
                    "is required: an ISO 4217 code such as USD");
            errors.require(o.country() == null || o.country().matches("[A-Za-z]{2}"), at + ".country",
                    "must be an ISO 3166 alpha-2 code");
            errors.require(o.orderedAt() != null, at + ".orderedAt", "is required");
            errors.require(o.landingSite() == null || o.landingSite().length() <= 2000, at + ".landingSite",
                    "at most 2000 characters");
            List<String> raw = new ArrayList<>();
            if (o.phone() != null) {
                raw.add(o.phone());
            }
            if (o.phones() != null) {
                raw.addAll(o.phones());
            }
            errors.require(raw.size() <= 5, at + ".phones", "at most 5 phones");
            List<String> phones = OrderPhones.normalise(raw, o.country());
            for (String value : raw) {
                errors.require(PhoneNumbers.e164(value, o.country()) != null, at + ".phones",
                        "'" + value + "' is not a valid phone number" + (o.country() == null ? " (give country for"
                                + " national numbers)" : ""));
            }
            if (!errors.hasErrors()) {
                orders.add(new ShopOrder(o.source(), o.externalId().strip(), status, o.amount(), o.currency(),
                        o.profit(), o.country() == null ? null : o.country().toUpperCase(), phones, o.landingSite(),
                        o.landingSiteRef(), o.orderedAt(), status == ShopOrder.OrderStatus.PAID && o.paidAt() == null
                        ? o.orderedAt() : o.paidAt(), o.cancelledAt(), List.of(),
                        o.refunded() == null ? BigDecimal.ZERO : o.refunded()));
            }
        }
        errors.throwIfInvalid();
        return orders;
    }
}
