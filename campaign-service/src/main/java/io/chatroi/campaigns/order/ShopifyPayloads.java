package io.chatroi.campaigns.order;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Shopify's order and refund webhook payloads (the REST Admin API's Order and Refund resources) into
 * {@link ShopOrder}s: orders/create, orders/paid and orders/cancelled carry the whole order; refunds/create one
 * refund with its {@code order_id}. Unknown fields are ignored; a payload without an id or a price is refused.
 */
public final class ShopifyPayloads {

    public static final String SOURCE = "shopify";
    private static final List<String> PAID = List.of("paid", "partially_refunded", "refunded");

    private ShopifyPayloads() {
    }

    /** The order of an orders/* topic; empty when the payload lacks what an order needs. */
    public static Optional<ShopOrder> order(JsonNode o, Instant receivedAt) {
        String id = text(o, "id");
        BigDecimal total = money(o, "total_price");
        String currency = text(o, "currency");
        if (id == null || total == null || total.signum() < 0 || currency == null || !currency.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        Instant created = time(o, "created_at").orElse(receivedAt);
        Instant cancelled = time(o, "cancelled_at").orElse(null);
        boolean paid = PAID.contains(String.valueOf(text(o, "financial_status")));
        ShopOrder.OrderStatus status = cancelled != null ? ShopOrder.OrderStatus.CANCELLED
                : paid ? ShopOrder.OrderStatus.PAID : ShopOrder.OrderStatus.PENDING;
        Instant paidAt = paid ? time(o, "processed_at").orElse(created) : null;
        String country = firstNonNull(text(o.path("shipping_address"), "country_code"),
                text(o.path("billing_address"), "country_code"),
                text(o.path("customer").path("default_address"), "country_code"));
        List<String> raw = new ArrayList<>();
        raw.add(text(o.path("customer"), "phone"));
        raw.add(text(o, "phone"));
        raw.add(text(o.path("billing_address"), "phone"));
        raw.add(text(o.path("shipping_address"), "phone"));
        raw.add(text(o.path("customer").path("default_address"), "phone"));
        List<ShopOrder.Refund> refunds = new ArrayList<>();
        for (JsonNode refund : o.path("refunds")) {
            refund(refund, id, receivedAt).ifPresent(refunds::add);
        }
        return Optional.of(new ShopOrder(SOURCE, id, status, total, currency.toUpperCase(), null, country,
                OrderPhones.normalise(raw, country), text(o, "landing_site"), text(o, "landing_site_ref"), created,
                paidAt, cancelled, refunds, null));
    }

    /** A refunds/create payload: the refunded amount is the sum of its successful refund transactions. */
    public static Optional<ShopOrder.Refund> refund(JsonNode r, String orderId, Instant receivedAt) {
        String id = text(r, "id");
        String order = orderId != null ? orderId : text(r, "order_id");
        if (id == null || order == null) {
            return Optional.empty();
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (JsonNode t : r.path("transactions")) {
            String kind = text(t, "kind");
            String status = text(t, "status");
            BigDecimal value = money(t, "amount");
            if ("refund".equals(kind) && (status == null || "success".equals(status)) && value != null) {
                amount = amount.add(value);
            }
        }
        return Optional.of(new ShopOrder.Refund(SOURCE, id, order, amount,
                time(r, "processed_at").or(() -> time(r, "created_at")).orElse(receivedAt)));
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    static BigDecimal money(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Optional<Instant> time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
