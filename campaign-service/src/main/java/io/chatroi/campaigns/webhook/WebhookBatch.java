package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.receipt.Receipt;

import java.time.Instant;
import java.util.List;

/** Everything one webhook POST carried, across all its entries and changes. */
public record WebhookBatch(List<Receipt> receipts, List<InboundMessage> messages, List<PreferenceEvent> preferences,
                           List<AccountError> errors) {

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

    /** An account-level error (value.errors[]). */
    public record AccountError(Integer code, String title, String message, String details) {
    }
}
