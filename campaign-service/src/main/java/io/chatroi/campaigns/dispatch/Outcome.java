package io.chatroi.campaigns.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * How one claimed send ended in this tick: sent (with the provider's id), deferred or queued again for later,
 * skipped or failed. A tick's outcomes are written together in one statement, so the dispatcher commits once per
 * tick instead of once per message; a crash before that write is what reconciliation exists for.
 */
record Outcome(UUID id, String status, String reason, Instant nextAttemptAt, Integer errorCode, String messageId,
               Instant sentAt, String optOutPhone) {

    static Outcome sent(UUID id, String messageId, Instant at) {
        return new Outcome(id, "sent", null, null, null, messageId, at, null);
    }

    static Outcome retryLater(UUID id, String reason, Instant next, Integer errorCode) {
        return new Outcome(id, "queued", reason, next, errorCode, null, null, null);
    }

    static Outcome finished(UUID id, String status, String reason, Integer errorCode) {
        return new Outcome(id, status, reason, null, errorCode, null, null, null);
    }

    Outcome withStatus(String newStatus) {
        return new Outcome(id, newStatus, reason, nextAttemptAt, errorCode, messageId, sentAt, optOutPhone);
    }

    /** The provider said the user stopped marketing messages: record that as a preference change too. */
    Outcome optingOut(String phone) {
        return new Outcome(id, status, reason, nextAttemptAt, errorCode, messageId, sentAt, phone);
    }
}
