package io.chatroi.campaigns.health;

import java.time.Instant;

/**
 * One account-health change Meta reported: a template status update ({@code field}
 * message_template_status_update), a phone number quality update or an account update. {@code at} is the entry's
 * time when Meta sent one (null: the time received); fields a kind does not carry are null. {@code valueJson} is the
 * change's value as sent.
 */
public record HealthEvent(String field, String event, String wabaId, Instant at, String templateId,
                          String templateName, String templateLanguage, String reason, String displayPhoneNumber,
                          String oldLimit, String currentLimit, String maxDailyConversations, String violationType,
                          String banState, String valueJson) {

    public static final String TEMPLATE_STATUS = "message_template_status_update";
    public static final String PHONE_QUALITY = "phone_number_quality_update";
    public static final String ACCOUNT = "account_update";

    public boolean templateStatus() {
        return TEMPLATE_STATUS.equals(field);
    }
}
