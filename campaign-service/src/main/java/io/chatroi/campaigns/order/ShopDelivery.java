package io.chatroi.campaigns.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a shop webhook: what was done with it. {@code duplicate} when this delivery id was processed
 * before; {@code credit} what the order was credited to (null for refunds and ignored topics).
 */
public record ShopDelivery(String topic, String result, boolean duplicate, @Schema(nullable = true) String orderId, @Schema(nullable = true) String credit) {
}
