package io.chatroi.campaigns.receipt;

import java.time.Instant;

/**
 * One status update for one outbound message, as WhatsApp (or another provider) reported it. {@code status} is the
 * raw value, kept even when unknown; pricing fields are present on the delivered or read update only;
 * {@code callbackData} echoes the biz_opaque_callback_data given when sending (our send id).
 */
public record Receipt(String messageId, String status, Instant at, String recipient, Integer errorCode,
                      String errorTitle, String pricingCategory, Boolean billable, String pricingType,
                      String pricingModel, String conversationId, String callbackData) {

    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.fromWire(status);
    }
}
