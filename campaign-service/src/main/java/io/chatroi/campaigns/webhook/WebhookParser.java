package io.chatroi.campaigns.webhook;

import io.chatroi.common.phone.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.campaigns.receipt.Receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Meta's webhook envelope (docs/whatsapp.md) leniently: any number of entries, changes, statuses and messages;
 * timestamps as strings or numbers; optional and future fields ignored rather than rejected. Items missing what
 * makes them usable (a message id, a status) are skipped; the raw body is stored anyway.
 */
public final class WebhookParser {

    private WebhookParser() {
    }

    public static WebhookBatch parse(JsonNode root) {
        List<Receipt> receipts = new ArrayList<>();
        List<WebhookBatch.InboundMessage> messages = new ArrayList<>();
        List<WebhookBatch.PreferenceEvent> preferences = new ArrayList<>();
        List<WebhookBatch.ProviderError> errors = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                value.path("statuses").forEach(status -> receipt(status).ifPresent(receipts::add));
                JsonNode contacts = value.path("contacts");
                value.path("messages").forEach(message -> inbound(message, contacts).ifPresent(messages::add));
                value.path("user_preferences").forEach(pref -> preference(pref).ifPresent(preferences::add));
                errors.addAll(ProviderErrors.of(value));
            }
        }
        return new WebhookBatch(receipts, messages, preferences, errors, HealthEvents.of(root));
    }

    private static java.util.Optional<Receipt> receipt(JsonNode status) {
        String id = text(status, "id");
        String value = text(status, "status");
        Instant at = instant(status.path("timestamp"));
        if (id == null || value == null || at == null) {
            return java.util.Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        JsonNode pricing = status.path("pricing");
        return java.util.Optional.of(new Receipt(id, value, at, WhatsAppUsers.recipient(status),
                error.hasNonNull("code") ? error.path("code").asInt() : null, text(error, "title"),
                text(pricing, "category"), pricing.hasNonNull("billable") ? pricing.path("billable").asBoolean() : null,
                text(pricing, "type"), text(pricing, "pricing_model"), text(status.path("conversation"), "id"),
                text(status, "biz_opaque_callback_data"),
                WhatsAppUsers.blankToNull(text(status, "recipient_user_id")), WhatsAppUsers.participant(status)));
    }

    private static java.util.Optional<WebhookBatch.InboundMessage> inbound(JsonNode message, JsonNode contacts) {
        String id = text(message, "id");
        String from = WhatsAppUsers.blankToNull(text(message, "from"));
        String fromUserId = WhatsAppUsers.blankToNull(text(message, "from_user_id"));
        if (from == null && fromUserId == null) {
            // a user_changed_user_id notice may name the user only by the BSUID it replaces
            fromUserId = WhatsAppUsers.blankToNull(text(message.path("system"), "previous_user_id"));
        }
        Instant at = instant(message.path("timestamp"));
        if (id == null || from == null && fromUserId == null || at == null) {
            return java.util.Optional.empty();
        }
        String type = message.path("type").asText("unknown");
        String text = null;
        String payload = null;
        String contextId = text(message.path("context"), "id");
        switch (type) {
            case "text" -> text = text(message.path("text"), "body");
            case "button" -> {
                text = text(message.path("button"), "text");
                payload = text(message.path("button"), "payload");
            }
            case "interactive" -> {
                JsonNode reply = message.path("interactive").path("button_reply");
                if (reply.isMissingNode()) {
                    reply = message.path("interactive").path("list_reply");
                }
                text = text(reply, "title");
                payload = text(reply, "id");
            }
            case "reaction" -> {
                // a reaction names the message it reacts to; a removed reaction comes without an emoji
                JsonNode reaction = message.path("reaction");
                text = text(reaction, "emoji");
                contextId = text(reaction, "message_id");
                if (text == null || text.isEmpty()) {
                    type = "unreaction";
                    text = null;
                }
            }
            case "system" -> text = text(message.path("system"), "body");
            default -> text = text(message.path(type), "caption");
        }
        JsonNode sender = WhatsAppUsers.senderContact(contacts, from, fromUserId);
        JsonNode referral = message.path("referral");
        return java.util.Optional.of(new WebhookBatch.InboundMessage(id, from == null ? null : PhoneNumbers.fromWhatsAppId(from),
                text(sender.path("profile"), "name"), at, type, text, payload, contextId,
                referral.isObject() ? referral.toString() : null, message.toString(), fromUserId,
                WhatsAppUsers.blankToNull(text(sender.path("profile"), "username")),
                WhatsAppUsers.blankToNull(text(message, "group_id"))));
    }

    private static java.util.Optional<WebhookBatch.PreferenceEvent> preference(JsonNode pref) {
        String waId = WhatsAppUsers.blankToNull(text(pref, "wa_id"));
        String userId = WhatsAppUsers.blankToNull(text(pref, "user_id"));
        String value = text(pref, "value");
        Instant at = instant(pref.path("timestamp"));
        if (waId == null && userId == null || value == null || at == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WebhookBatch.PreferenceEvent(waId == null ? null : PhoneNumbers.fromWhatsAppId(waId), value,
                text(pref, "category"),
                text(pref, "detail"), at, userId));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** Unix seconds, as a string (statuses, messages) or a number (user_preferences). */
    static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        if (node.isTextual() && isUnixSeconds(node.asText())) {
            return Instant.ofEpochSecond(Long.parseLong(node.asText()));
        }
        return null;
    }

    /** One to twelve ASCII digits (what the regex [0-9]{1,12} matched, without compiling a regex per status). */
    private static boolean isUnixSeconds(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
