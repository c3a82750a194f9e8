package io.chatroi.campaigns.webhook;

import io.chatroi.common.phone.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who a webhook item is about, now that WhatsApp users may adopt usernames. Meta then names the user by a
 * business-scoped user id (BSUID: {@code from_user_id} on messages, {@code recipient_user_id} on statuses,
 * {@code user_id} in {@code contacts[]}) and may leave the phone ({@code from}, {@code recipient_id},
 * {@code wa_id}) out. A status of a message sent to a group names the group in {@code recipient_id}
 * ({@code recipient_type: "group"}) and the member in {@code recipient_participant_id} (phone) or
 * {@code recipient_participant_user_id} (BSUID).
 */
final class WhatsAppUsers {

    private WhatsAppUsers() {
    }

    /** The sender's entry of {@code value.contacts[]}: matched by phone or BSUID, else the only one there. */
    static JsonNode senderContact(JsonNode contacts, String from, String fromUserId) {
        for (JsonNode contact : contacts) {
            String waId = WebhookParser.text(contact, "wa_id");
            String userId = WebhookParser.text(contact, "user_id");
            if (from != null && from.equals(waId) || fromUserId != null && fromUserId.equals(userId)) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static boolean toGroup(JsonNode status) {
        return "group".equals(WebhookParser.text(status, "recipient_type"));
    }

    /** The recipient: a phone in E.164, or a group's id as Meta gave it; null when Meta withheld the phone. */
    static String recipient(JsonNode status) {
        String recipient = WebhookParser.text(status, "recipient_id");
        if (recipient == null || recipient.isEmpty()) {
            return null;
        }
        return toGroup(status) ? recipient : PhoneNumbers.fromWhatsAppId(recipient);
    }

    /** The group member a group message's status is about (phone in E.164, else BSUID); empty for one person. */
    static String participant(JsonNode status) {
        if (!toGroup(status)) {
            return "";
        }
        String phone = WebhookParser.text(status, "recipient_participant_id");
        if (phone != null && !phone.isEmpty()) {
            return PhoneNumbers.fromWhatsAppId(phone);
        }
        String userId = WebhookParser.text(status, "recipient_participant_user_id");
        return userId == null ? "" : userId;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
