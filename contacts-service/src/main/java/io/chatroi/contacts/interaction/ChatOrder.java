package io.chatroi.contacts.interaction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An order a contact placed in the WhatsApp chat, as campaign-service forwards it: the cart's items, the total
 * (null when the items mix currencies or lack a price) and the campaign of the send it answers.
 */
public record ChatOrder(
        @Schema(nullable = true) String catalogId,
        List<Item> items,
        @Schema(nullable = true) BigDecimal total,
        @Schema(nullable = true) String currency,
        @Schema(nullable = true, description = "the campaign of the send the order answers") UUID campaignId) {

    public record Item(@Schema(nullable = true) String productRetailerId, @Schema(nullable = true) BigDecimal quantity,
                       @Schema(nullable = true) BigDecimal itemPrice, @Schema(nullable = true) String currency) {
    }

    public List<Item> items() {
        return items == null ? List.of() : items;
    }
}
