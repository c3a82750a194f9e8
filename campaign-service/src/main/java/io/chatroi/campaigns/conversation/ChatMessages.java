package io.chatroi.campaigns.conversation;

import java.time.Instant;
import java.util.List;

/** The bulk form of POST /api/v1/messages: chat messages integrators log from other inboxes. */
public final class ChatMessages {

    private ChatMessages() {
    }

    public record Request(List<Item> items) {
    }

    /**
     * One message with a contact: {@code direction} inbound (the contact wrote) or outbound (an agent wrote),
     * the contact's phone in an international format, the agent (owner name) for outbound messages, when, what.
     * {@code externalId} (the other inbox's message id) makes logging the same message again harmless.
     */
    public record Item(String direction, String phone, String agent, Instant at, String text, String externalId) {
    }

    public record Rejection(int index, String field, String reason) {
    }

    public record Result(int accepted, int duplicates, List<Rejection> rejected) {
    }
}
