package io.chatroi.campaigns.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as every way in (Shopify, WooCommerce, the neutral API) delivers it to {@link OrderService}: its state,
 * money, the buyer's phones (E.164, normalised with the order's country; best first) and where the buyer landed.
 * {@code refunds} are individual refunds (counted once each by id); {@code refundedTotal}, when given, replaces them.
 */
public record ShopOrder(String source, String externalId, OrderStatus status, BigDecimal amount, String currency,
                        BigDecimal profit, String country, List<String> phones, String landingSite,
                        String landingSiteRef, Instant orderedAt, Instant paidAt, Instant cancelledAt,
                        List<Refund> refunds, BigDecimal refundedTotal) {

    /** One refund of an order. */
    public record Refund(String source, String refundId, String orderExternalId, BigDecimal amount, Instant at) {
    }

    /** pending (created, not paid) -> paid -> cancelled; a later event never moves an order back. */
    public enum OrderStatus {
        PENDING, PAID, CANCELLED;

        public String wire() {
            return name().toLowerCase();
        }

        public static OrderStatus fromWire(String value) {
            for (OrderStatus status : values()) {
                if (status.wire().equals(value)) {
                    return status;
                }
            }
            return null;
        }
    }
}
