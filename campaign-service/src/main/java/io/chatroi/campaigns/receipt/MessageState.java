package io.chatroi.campaigns.receipt;

import java.time.Instant;

/**
 * Where one outbound message stands after every receipt seen so far, however late, duplicated or out of order they
 * came. Each {@code *At} is the earliest time the message was known to be in that state (a read with no delivered
 * receipt sets deliveredAt too). The error of a failure is kept even when a later receipt proves delivery.
 */
public record MessageState(String messageId, String recipient, DeliveryStatus status, Instant sentAt,
                           Instant deliveredAt, Instant readAt, Instant playedAt, Instant failedAt, Integer errorCode,
                           String errorTitle, String pricingCategory, Boolean billable, String pricingType,
                           String pricingModel, String conversationId) {

    public static MessageState empty(String messageId) {
        return new MessageState(messageId, null, DeliveryStatus.OTHER, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** The state after one more receipt; applying the same receipt twice changes nothing. */
    public MessageState apply(Receipt receipt) {
        DeliveryStatus incoming = receipt.deliveryStatus();
        DeliveryStatus next = incoming.rank() > status.rank() ? incoming : status;
        Instant at = receipt.at();
        boolean failed = incoming == DeliveryStatus.FAILED;
        return new MessageState(messageId, first(recipient, receipt.recipient()), next,
                earliest(sentAt, incoming.implies(DeliveryStatus.SENT) ? at : null),
                earliest(deliveredAt, incoming.implies(DeliveryStatus.DELIVERED) ? at : null),
                earliest(readAt, incoming.implies(DeliveryStatus.READ) ? at : null),
                earliest(playedAt, incoming.implies(DeliveryStatus.PLAYED) ? at : null),
                earliest(failedAt, failed ? at : null),
                first(errorCode, failed ? receipt.errorCode() : null),
                first(errorTitle, failed ? receipt.errorTitle() : null),
                first(pricingCategory, receipt.pricingCategory()), first(billable, receipt.billable()),
                first(pricingType, receipt.pricingType()), first(pricingModel, receipt.pricingModel()),
                first(conversationId, receipt.conversationId()));
    }

    private static Instant earliest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static <T> T first(T current, T candidate) {
        return current != null ? current : candidate;
    }
}
