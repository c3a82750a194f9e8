package io.chatroi.campaigns.twilio;

import io.chatroi.campaigns.receipt.Receipt;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Twilio's form-encoded webhooks into the same {@link WebhookBatch} Meta's deliveries become: a status callback
 * ({@code MessageStatus}) is a receipt of {@code MessageSid}; an inbound message ({@code Body}, {@code ButtonPayload},
 * media) from {@code whatsapp:+E164} is an inbound message, its {@code OriginalRepliedMessageSid} the context.
 * Twilio's statuses map onto WhatsApp's (queued, accepted and sending are not receipts yet; undelivered is failed);
 * its 63xxx error codes onto the Cloud API's where Twilio's table of corresponding WhatsApp codes gives one.
 */
public final class TwilioCallbacks {

    /**
     * Twilio code -> Cloud API code, after Twilio's "corresponding WhatsApp error codes" table (which names the
     * older API's codes: 470 re-engagement, 1013/1026 recipient incapable, 429/471 rate limits, 472 experiment).
     */
    static final Map<Integer, Integer> ERRORS = Map.of(
            63016, 131047,
            63024, 131026,
            63003, 131026,
            63018, 130429,
            63032, 130472,
            63049, 131049);

    private TwilioCallbacks() {
    }

    public static WebhookBatch parse(Map<String, List<String>> form, String sendId, Instant receivedAt) {
        String sid = first(form, "MessageSid");
        if (sid == null) {
            sid = first(form, "SmsSid");
        }
        String status = first(form, "MessageStatus");
        if (sid == null) {
            return new WebhookBatch(List.of(), List.of(), List.of(), List.of());
        }
        if (status != null && !"received".equalsIgnoreCase(status)) {
            String mapped = status(status);
            if (mapped == null) {
                return new WebhookBatch(List.of(), List.of(), List.of(), List.of());
            }
            Integer twilioCode = integer(first(form, "ErrorCode"));
            Integer code = twilioCode == null ? null : ERRORS.getOrDefault(twilioCode, twilioCode);
            String to = phone(first(form, "To"));
            return new WebhookBatch(List.of(new Receipt(sid, mapped, receivedAt, to, code,
                    twilioCode == null ? null : "Twilio " + twilioCode, null, null, null, null, null, sendId)),
                    List.of(), List.of(), List.of());
        }
        String from = phone(first(form, "From"));
        if (from == null) {
            return new WebhookBatch(List.of(), List.of(), List.of(), List.of());
        }
        String payload = first(form, "ButtonPayload");
        int media = integer(first(form, "NumMedia")) == null ? 0 : integer(first(form, "NumMedia"));
        String type = payload != null ? "button" : media > 0 ? media(first(form, "MediaContentType0")) : "text";
        String text = payload != null && first(form, "ButtonText") != null ? first(form, "ButtonText") : first(form, "Body");
        JsonObject raw = new JsonObject();
        form.forEach((name, values) -> raw.put(name, values.size() == 1 ? values.get(0) : values));
        return new WebhookBatch(List.of(), List.of(new WebhookBatch.InboundMessage(sid, from, first(form, "ProfileName"),
                receivedAt, type, text, payload, first(form, "OriginalRepliedMessageSid"), null, raw.encode())),
                List.of(), List.of());
    }

    static String status(String twilio) {
        return switch (twilio.toLowerCase(Locale.ROOT)) {
            case "sent" -> "sent";
            case "delivered" -> "delivered";
            case "read" -> "read";
            case "failed", "undelivered" -> "failed";
            default -> null;
        };
    }

    private static String media(String contentType) {
        if (contentType == null) {
            return "document";
        }
        String kind = contentType.split("/", 2)[0];
        return switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
    }

    /** "whatsapp:+14155552671" -> "+14155552671"; null when it is not a WhatsApp address with a number. */
    static String phone(String address) {
        if (address == null) {
            return null;
        }
        String number = address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() < 6 ? null : "+" + digits;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
