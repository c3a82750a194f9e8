package io.chatroi.contacts.followup;

import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Follow-up cadence of docs/tiers.md (seed 002). The most urgent applicable rule wins:
 * an unanswered message (1 h for high intent, 12 h for an active contact, else 24 h), a quote awaiting
 * follow-up (12 h), a new contact never written to (first touch within 1 h), then the cadence of the contact's
 * intent (high 24 h for 3 follow-ups, medium 48 h for 4, potential 7 days, none monthly) or activity
 * (medium 2 days, low 5 days, dormant 15 days). Repeated unanswered follow-ups fall back to the monthly cadence.
 */
public final class FollowUpPolicy {

    static final Duration MONTHLY = Duration.ofDays(30);

    private FollowUpPolicy() {
    }

    /** What the policy needs to know about a contact. {@code unansweredFollowUps}: outbound messages since the last inbound. */
    public record Facts(boolean optedOut, boolean erased, Instant createdAt, Instant lastInboundAt,
                        Instant lastOutboundAt, Instant openQuoteAt, int unansweredFollowUps,
                        IntentTier intent, ActivityTier activity) {
    }

    public static Optional<FollowUp> next(Facts facts) {
        if (facts.erased() || facts.optedOut()) {
            return Optional.empty();
        }
        Instant lastIn = facts.lastInboundAt();
        Instant lastOut = facts.lastOutboundAt();
        FollowUp best = null;
        boolean theyWroteLast = lastIn != null && (lastOut == null || lastIn.isAfter(lastOut));
        if (theyWroteLast) {
            if (facts.intent() == IntentTier.HIGH) {
                best = earlier(best, lastIn.plus(Duration.ofHours(1)), "reply to a high-intent message within 1 h");
            } else if (facts.activity() == ActivityTier.HIGH) {
                best = earlier(best, lastIn.plus(Duration.ofHours(12)), "reply to an active contact within 12 h");
            } else {
                best = earlier(best, lastIn.plus(Duration.ofHours(24)), "answer the contact's last message");
            }
        }
        if (facts.openQuoteAt() != null && (lastOut == null || !lastOut.isAfter(facts.openQuoteAt()))) {
            best = earlier(best, facts.openQuoteAt().plus(Duration.ofHours(12)), "follow up the quote within 12 h");
        }
        if (lastOut == null && lastIn == null) {
            return Optional.of(earlier(best, facts.createdAt().plus(Duration.ofHours(1)),
                    "first touch for a new contact within 1 h"));
        }
        if (lastOut != null && !theyWroteLast) {
            best = earlier(best, cadence(facts, lastOut));
        }
        return Optional.ofNullable(best);
    }

    private static FollowUp cadence(Facts facts, Instant lastOut) {
        int sent = facts.unansweredFollowUps();
        IntentTier intent = facts.intent();
        if (intent == IntentTier.HIGH && sent < 3) {
            return new FollowUp(lastOut.plus(Duration.ofHours(24)), "high intent: follow up every 24 h (3 times in 72 h)");
        }
        if (intent == IntentTier.MEDIUM && sent < 4) {
            return new FollowUp(lastOut.plus(Duration.ofHours(48)), "medium intent: follow up every 48 h (3-4 times)");
        }
        if (intent == IntentTier.POTENTIAL) {
            return new FollowUp(lastOut.plus(Duration.ofDays(7)), "potential: follow up every 7 days");
        }
        ActivityTier activity = facts.activity();
        if (activity == ActivityTier.MEDIUM && sent < 4) {
            return new FollowUp(lastOut.plus(Duration.ofDays(2)), "medium activity: every 2 days");
        }
        if (activity == ActivityTier.LOW && sent < 4) {
            return new FollowUp(lastOut.plus(Duration.ofDays(5)), "low activity: every 5 days");
        }
        if (activity == ActivityTier.DORMANT && intent != IntentTier.NONE) {
            return new FollowUp(lastOut.plus(Duration.ofDays(15)), "dormant: once or twice a month");
        }
        return new FollowUp(lastOut.plus(MONTHLY), "monthly broadcast only");
    }

    private static FollowUp earlier(FollowUp current, Instant dueAt, String reason) {
        return earlier(current, new FollowUp(dueAt, reason));
    }

    private static FollowUp earlier(FollowUp current, FollowUp candidate) {
        return current == null || candidate.dueAt().isBefore(current.dueAt()) ? candidate : current;
    }
}
