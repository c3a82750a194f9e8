package io.chatroi.campaigns.receipt;

import java.time.Instant;

/**
 * One status update for one outbound message, as WhatsApp (or another provider) reported it. {@code status} is the
 * raw value, kept even when unknown; pricing fields are present on the delivered or read update only;
 * {@code callbackData} echoes the biz_opaque_callback_data given when sending (our send id).
 * {@code recipientUserId} is the recipient's business-scoped user id (BSUID) when the message went to one;
 * {@code participant} names the group member (phone in E.164, else BSUID) a status of a group message is about,
 * empty for a message to one person: each member's delivered and read count once.
 */
public record Receipt(String messageId, String status, Instant at, String recipient, Integer errorCode,
                      String errorTitle, String pricingCategory, Boolean billable, String pricingType,
                      String pricingModel, String conversationId, String callbackData, String recipientUserId,
                      String participant) {

    /** A receipt for a message to one person, by phone. */
    public Receipt(String messageId, String status, Instant at, String recipient, Integer errorCode,
                   String errorTitle, String pricingCategory, Boolean billable, String pricingType,
                   String pricingModel, String conversationId, String callbackData) {
        this(messageId, status, at, recipient, errorCode, errorTitle, pricingCategory, billable, pricingType,
                pricingModel, conversationId, callbackData, null, "");
    }

    public boolean groupParticipant() {
        return participant != null && !participant.isEmpty();
    }

    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.fromWire(status);
    }
}
