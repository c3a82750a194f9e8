package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.health.HealthEvent;
import io.chatroi.campaigns.receipt.Receipt;

import java.time.Instant;
import java.util.List;

/** Everything one webhook POST carried, across all its entries and changes. */
public record WebhookBatch(List<Receipt> receipts, List<InboundMessage> messages, List<PreferenceEvent> preferences,
                           List<ProviderError> errors, List<HealthEvent> healthEvents) {

    /** A batch without account-health events (Twilio, pushed receipts). */
    public WebhookBatch(List<Receipt> receipts, List<InboundMessage> messages, List<PreferenceEvent> preferences,
                        List<ProviderError> errors) {
        this(receipts, messages, preferences, errors, List.of());
    }

    /**
     * An inbound message. {@code from} is in E.164 (Meta sends digits without the plus sign); {@code text} is the
     * typed text or the title of the tapped button; {@code payload} the button payload or reply id.
     */
    public record InboundMessage(String messageId, String from, String profileName, Instant at, String type,
                                 String text, String payload, String contextId, String referralJson,
                                 String rawJson) {
    }

    /** A marketing preference change from the user_preferences field: value "stop" or "resume". */
    public record PreferenceEvent(String phone, String value, String category, String detail, Instant at) {
    }

    /**
     * An error Meta reported, wherever it came: {@code scope} account (value.errors[] alone), value (value.errors[]
     * beside messages or statuses), status (statuses[].errors[], with the message id and recipient) or message
     * (messages[].errors[], such as an unsupported type, with the message id and sender). {@code at} is the
     * status's or message's time when there is one.
     */
    public record ProviderError(String scope, String messageId, String phone, Instant at, Integer code, String title,
                                String message, String details) {
    }
}
