package io.chatroi.campaigns.order;

/**
 * The answer to a shop webhook: what was done with it. {@code duplicate} when this delivery id was processed
 * before; {@code credit} what the order was credited to (null for refunds and ignored topics).
 */
public record ShopDelivery(String topic, String result, boolean duplicate, String orderId, String credit) {
}
