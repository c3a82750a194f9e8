package io.chatroi.campaigns.webhook;

import io.chatroi.common.phone.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code errors[]} of one change's value, wherever Meta put it: beside the messages and statuses (or alone,
 * an account-level error), inside a status (why a message failed) and inside an inbound message (what could not be
 * delivered to us). Nothing is dropped; a status's first error also lands on the receipt it belongs to.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static List<WebhookBatch.ProviderError> of(JsonNode value) {
        List<WebhookBatch.ProviderError> errors = new ArrayList<>();
        boolean alone = value.path("statuses").isEmpty() && value.path("messages").isEmpty();
        for (JsonNode error : value.path("errors")) {
            errors.add(error(alone ? "account" : "value", null, null, null, error));
        }
        for (JsonNode status : value.path("statuses")) {
            String recipient = WebhookParser.text(status, "recipient_id");
            for (JsonNode error : status.path("errors")) {
                errors.add(error("status", WebhookParser.text(status, "id"),
                        recipient == null ? null : PhoneNumbers.fromWhatsAppId(recipient),
                        WebhookParser.instant(status.path("timestamp")), error));
            }
        }
        for (JsonNode message : value.path("messages")) {
            String from = WebhookParser.text(message, "from");
            for (JsonNode error : message.path("errors")) {
                errors.add(error("message", WebhookParser.text(message, "id"),
                        from == null || from.isEmpty() ? null : PhoneNumbers.fromWhatsAppId(from),
                        WebhookParser.instant(message.path("timestamp")), error));
            }
        }
        return errors;
    }

    private static WebhookBatch.ProviderError error(String scope, String messageId, String phone, Instant at,
                                                    JsonNode error) {
        return new WebhookBatch.ProviderError(scope, messageId, phone, at,
                error.hasNonNull("code") ? error.path("code").asInt() : null, WebhookParser.text(error, "title"),
                WebhookParser.text(error, "message"), WebhookParser.text(error.path("error_data"), "details"));
    }
}
