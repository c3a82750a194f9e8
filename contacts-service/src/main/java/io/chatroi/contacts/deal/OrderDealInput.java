package io.chatroi.contacts.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Shop orders as campaign-service forwards them (POST /api/v1/order-deals, internal): the order's key, the phones
 * to match a contact by (best first), its state and its money after refunds, and the campaign it was credited to.
 */
public record OrderDealInput(List<Item> items) {

    public record Item(String source, String externalId, List<String> phones, String status, BigDecimal revenue,
                       BigDecimal profit, String currency, Instant orderedAt, Instant paidAt, Instant cancelledAt,
                       UUID campaignId, String variant, String credit) {
    }

    /** Per order, in the order given: the contact it matched and its deal; nulls while no contact has its phones. */
    public record Result(String source, String externalId, UUID contactId, UUID dealId, String stage) {
    }

    public record Results(List<Result> items) {
    }
}
