package io.chatroi.common.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forms Twilio posts to a WhatsApp sender's webhook, as its docs show them: one helper for the tests that play
 * Twilio (campaign-service's provider test and the end-to-end walk), which sign and post them their own way.
 */
public final class TwilioForms {

    private TwilioForms() {
    }

    /** A message status callback; {@code errorCode} only when not null (undelivered, failed). */
    public static Map<String, String> status(String accountSid, String messageSid, String from, String to,
                                             String status, String errorCode) {
        Map<String, String> form = form("AccountSid", accountSid, "MessageSid", messageSid, "SmsSid", messageSid,
                "From", from, "To", to, "MessageStatus", status, "SmsStatus", status, "ChannelPrefix", "whatsapp");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    /** An inbound text from a buyer named Buyer, answering (quoting) the message {@code repliedTo}. */
    public static Map<String, String> inbound(String accountSid, String messageSid, String from, String to,
                                              String body, String repliedTo) {
        return form("AccountSid", accountSid, "MessageSid", messageSid, "From", from, "To", to, "Body", body,
                "ProfileName", "Buyer", "NumMedia", "0", "SmsStatus", "received",
                "OriginalRepliedMessageSid", repliedTo);
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
