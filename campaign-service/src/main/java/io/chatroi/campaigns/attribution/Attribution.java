package io.chatroi.campaigns.attribution;

import java.time.Instant;

/**
 * The attribution rule: what a contact does is credited to the campaign send it answers, the send named by the
 * message's context id, else the contact's latest send whose attribution window (the campaign's days) covers the
 * moment. Only the first reply, reaction and opt-out are kept on a send; the send's {@code updated_at} moves so
 * incremental sync (metrics-service) sees the change. The rule is set-based SQL, so it lives in
 * {@link SendCreditRepository}; this class names what is credited.
 */
public final class Attribution {

    /**
     * Something a contact did: a message (with its id and context id) or an opt-out. The contact is named by phone,
     * by business-scoped user id (a WhatsApp user with a username may come with no phone), or both.
     */
    public record Event(String phone, Instant at, String messageId, String contextId, String userId) {

        public Event(String phone, Instant at, String messageId, String contextId) {
            this(phone, at, messageId, contextId, null);
        }
    }

    private Attribution() {
    }
}
