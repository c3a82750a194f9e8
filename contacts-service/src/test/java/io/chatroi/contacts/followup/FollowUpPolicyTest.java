package io.chatroi.contacts.followup;

import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpPolicyTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private static FollowUpPolicy.Facts facts(Instant lastIn, Instant lastOut, Instant quote, int unanswered,
                                              IntentTier intent, ActivityTier activity) {
        return new FollowUpPolicy.Facts(false, false, T.minus(Duration.ofDays(30)), lastIn, lastOut, quote, unanswered,
                intent, activity);
    }

    @Test
    void anUnansweredHighIntentMessageIsDueWithinOneHour() {
        FollowUp due = FollowUpPolicy.next(facts(T, T.minus(Duration.ofDays(1)), null, 0, IntentTier.HIGH,
                ActivityTier.HIGH)).orElseThrow();
        assertThat(due.dueAt()).isEqualTo(T.plus(Duration.ofHours(1)));
        assertThat(due.reason()).contains("1 h");
    }

    @Test
    void aQuoteIsFollowedUpWithin12Hours() {
        Instant quoted = T.plus(Duration.ofHours(2));
        FollowUp due = FollowUpPolicy.next(facts(T, T.plus(Duration.ofHours(1)), quoted, 0, IntentTier.MEDIUM,
                ActivityTier.HIGH)).orElseThrow();
        assertThat(due.dueAt()).isEqualTo(quoted.plus(Duration.ofHours(12)));
    }

    @Test
    void cadenceFollowsIntentThenFallsBackToMonthly() {
        Instant out = T.plus(Duration.ofHours(3));
        assertThat(FollowUpPolicy.next(facts(T, out, null, 1, IntentTier.MEDIUM, ActivityTier.HIGH)).orElseThrow()
                .dueAt()).isEqualTo(out.plus(Duration.ofHours(48)));
        assertThat(FollowUpPolicy.next(facts(T, out, null, 1, IntentTier.POTENTIAL, ActivityTier.HIGH)).orElseThrow()
                .dueAt()).isEqualTo(out.plus(Duration.ofDays(7)));
        assertThat(FollowUpPolicy.next(facts(T, out, null, 4, IntentTier.MEDIUM, ActivityTier.LOW)).orElseThrow()
                .reason()).isEqualTo("monthly broadcast only");
    }

    @Test
    void optedOutContactsAreNeverDue() {
        var optedOut = new FollowUpPolicy.Facts(true, false, T, T, null, null, 0, IntentTier.HIGH, ActivityTier.HIGH);
        assertThat(FollowUpPolicy.next(optedOut)).isEmpty();
    }
}
