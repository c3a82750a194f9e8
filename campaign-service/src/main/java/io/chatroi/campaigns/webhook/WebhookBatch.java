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
     * An inbound message. {@code from} is in E.164 (Meta sends digits without the plus sign), or null for a user
     * who adopted a username and whose phone Meta withholds; {@code fromUserId} is the sender's business-scoped
     * user id (BSUID), which Meta always sends now; {@code username} the sender's WhatsApp username;
     * {@code groupId} the group the message was written in. {@code text} is the typed text or the title of the
     * tapped button; {@code payload} the button payload or reply id.
     */
    public record InboundMessage(String messageId, String from, String profileName, Instant at, String type,
                                 String text, String payload, String contextId, String referralJson,
                                 String rawJson, String fromUserId, String username, String groupId) {

        /** A message from a phone, outside any group (other providers know no BSUIDs). */
        public InboundMessage(String messageId, String from, String profileName, Instant at, String type,
                              String text, String payload, String contextId, String referralJson, String rawJson) {
            this(messageId, from, profileName, at, type, text, payload, contextId, referralJson, rawJson, null, null,
                    null);
        }
    }

    /**
     * A marketing preference change from the user_preferences field: value "stop" or "resume". {@code phone} is
     * null for a user Meta names by business-scoped user id alone ({@code userId}).
     */
    public record PreferenceEvent(String phone, String value, String category, String detail, Instant at,
                                  String userId) {
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
