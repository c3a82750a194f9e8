package io.chatroi.campaigns.order;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.chatroi.campaigns.order.ShopifyPayloads.money;
import static io.chatroi.campaigns.order.ShopifyPayloads.text;

/**
 * Reads WooCommerce's order webhooks (order.created, order.updated, order.restored: the REST API's Order resource)
 * into the same {@link ShopOrder} as Shopify's. Processing, completed and refunded orders are paid; cancelled and
 * trashed ones cancelled; the rest (pending, on-hold, failed, drafts) not yet paid. Each entry of {@code refunds}
 * (its {@code total} negative, as WooCommerce writes it) counts once by its id. The landing URL is WooCommerce's
 * order attribution ({@code _wc_order_attribution_session_entry}, else its {@code utm_*} meta data). Dates are the
 * {@code *_gmt} fields (UTC without an offset).
 */
public final class WooCommercePayloads {

    public static final String SOURCE = "woocommerce";
    private static final Set<String> PAID = Set.of("processing", "completed", "refunded");
    private static final Set<String> CANCELLED = Set.of("cancelled", "trash");
    private static final String ATTRIBUTION = "_wc_order_attribution_";

    private WooCommercePayloads() {
    }

    /**
     * WooCommerce's ping when a webhook is saved: the form body {@code webhook_id=<id>}, unsigned. It must be answered
     * 200 or the shop will not activate the webhook; it stores nothing.
     */
    public static boolean isPing(byte[] body) {
        return body != null && body.length < 64
                && new String(body, StandardCharsets.US_ASCII).strip().matches("webhook_id=\\d+");
    }

    /** The order of an order.* topic; empty when the payload lacks what an order needs. */
    public static Optional<ShopOrder> order(JsonNode o, Instant receivedAt) {
        String id = text(o, "id");
        BigDecimal total = money(o, "total");
        String currency = text(o, "currency");
        if (id == null || total == null || total.signum() < 0 || currency == null || !currency.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        String state = String.valueOf(text(o, "status"));
        Instant created = gmt(o, "date_created_gmt").orElse(receivedAt);
        Instant modified = gmt(o, "date_modified_gmt").orElse(receivedAt);
        ShopOrder.OrderStatus status = CANCELLED.contains(state) ? ShopOrder.OrderStatus.CANCELLED
                : PAID.contains(state) ? ShopOrder.OrderStatus.PAID : ShopOrder.OrderStatus.PENDING;
        Instant paidAt = status == ShopOrder.OrderStatus.PAID
                ? gmt(o, "date_paid_gmt").or(() -> gmt(o, "date_completed_gmt")).orElse(created) : null;
        Instant cancelledAt = status == ShopOrder.OrderStatus.CANCELLED ? modified : null;
        String country = firstNonBlank(text(o.path("shipping"), "country"), text(o.path("billing"), "country"));
        List<String> raw = new ArrayList<>();
        raw.add(text(o.path("billing"), "phone"));
        raw.add(text(o.path("shipping"), "phone"));
        List<ShopOrder.Refund> refunds = new ArrayList<>();
        for (JsonNode refund : o.path("refunds")) {
            String refundId = text(refund, "id");
            BigDecimal amount = money(refund, "total");
            if (refundId != null && amount != null) {
                refunds.add(new ShopOrder.Refund(SOURCE, refundId, id, amount.abs(), modified));
            }
        }
        return Optional.of(new ShopOrder(SOURCE, id, status, total, currency.toUpperCase(), null, country,
                OrderPhones.normalise(raw, country), landing(o.path("meta_data")), null, created, paidAt, cancelledAt,
                refunds, null));
    }

    /** The buyer's landing URL from WooCommerce's order attribution meta data; null when it recorded none. */
    static String landing(JsonNode meta) {
        String entry = meta(meta, "session_entry");
        if (entry != null) {
            return entry;
        }
        StringBuilder query = new StringBuilder();
        for (String utm : new String[]{"utm_source", "utm_medium", "utm_campaign", "utm_content"}) {
            String value = meta(meta, utm);
            if (value != null) {
                query.append(query.isEmpty() ? "/?" : "&").append(utm).append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? null : query.toString();
    }

    private static String meta(JsonNode meta, String name) {
        for (JsonNode entry : meta) {
            if ((ATTRIBUTION + name).equals(text(entry, "key"))) {
                return text(entry, "value");
            }
        }
        return null;
    }

    private static Optional<Instant> gmt(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
