package io.chatroi.campaigns.chatorder;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * An order a contact placed in the chat (Meta's {@code type: order} message: {@code order{catalog_id, text,
 * product_items[{product_retailer_id, quantity, item_price, currency}]}}), read leniently: numbers may come as JSON
 * numbers or strings. The total is the sum of quantity x price, rounded to the currency's minor unit; it is null
 * when an item lacks a price or quantity, or the items mix currencies. Plain rules, no I/O.
 */
public record ChatOrder(String catalogId, String text, List<Item> items, BigDecimal total, String currency) {

    /** Larger totals are not an order anyone placed in a chat, and would not fit the column. */
    private static final BigDecimal MAX_TOTAL = new BigDecimal("100000000000000");

    public record Item(String productRetailerId, BigDecimal quantity, BigDecimal itemPrice, String currency) {
    }

    /** The order of an inbound message's raw JSON; empty for any other type. */
    public static Optional<ChatOrder> of(String type, String rawJson) {
        if (!"order".equals(type) || rawJson == null) {
            return Optional.empty();
        }
        if (!(new JsonObject(rawJson).getValue("order") instanceof JsonObject order)) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        Object products = order.getValue("product_items");
        for (Object product : products instanceof JsonArray array ? array : new JsonArray()) {
            if (product instanceof JsonObject p) {
                items.add(new Item(string(p.getValue("product_retailer_id")), number(p.getValue("quantity")),
                        number(p.getValue("item_price")), string(p.getValue("currency"))));
            }
        }
        String currency = items.isEmpty() ? null : items.get(0).currency();
        return Optional.of(new ChatOrder(string(order.getValue("catalog_id")), string(order.getValue("text")),
                List.copyOf(items), total(items, currency), currency));
    }

    static BigDecimal total(List<Item> items, String currency) {
        if (items.isEmpty() || currency == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : items) {
            if (item.quantity() == null || item.itemPrice() == null || !currency.equals(item.currency())) {
                return null;
            }
            sum = sum.add(item.quantity().multiply(item.itemPrice()));
        }
        if (sum.signum() < 0 || sum.compareTo(MAX_TOTAL) >= 0) {
            return null;
        }
        return sum.setScale(fractionDigits(currency), RoundingMode.HALF_UP);
    }

    private static int fractionDigits(String currency) {
        try {
            // contacts-service keeps money with at most two decimals
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : Math.min(2, digits);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** The items as stored and forwarded: camelCase, numbers as JSON numbers. */
    public JsonArray itemsJson() {
        JsonArray array = new JsonArray();
        for (Item item : items) {
            array.add(new JsonObject().put("productRetailerId", item.productRetailerId())
                    .put("quantity", item.quantity()).put("itemPrice", item.itemPrice())
                    .put("currency", item.currency()));
        }
        return array;
    }

    private static String string(Object value) {
        return value == null || value instanceof JsonObject || value instanceof JsonArray ? null : value.toString();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
