package io.chatroi.contacts.tier;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void activityAgesAtTheBoundariesOfSeed002() {
        assertThat(ActivityTier.of(NOW.minus(Duration.ofHours(23)), NOW)).isEqualTo(ActivityTier.HIGH);
        assertThat(ActivityTier.of(NOW.minus(Duration.ofHours(24)), NOW)).isEqualTo(ActivityTier.MEDIUM);
        assertThat(ActivityTier.of(NOW.minus(Duration.ofDays(3)).plusSeconds(1), NOW)).isEqualTo(ActivityTier.MEDIUM);
        assertThat(ActivityTier.of(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo(ActivityTier.LOW);
        assertThat(ActivityTier.of(NOW.minus(Duration.ofDays(7)).plusSeconds(1), NOW)).isEqualTo(ActivityTier.LOW);
        assertThat(ActivityTier.of(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(ActivityTier.DORMANT);
        assertThat(ActivityTier.of(null, NOW)).isEqualTo(ActivityTier.DORMANT);
    }

    @Test
    void theSameMessageAgesWithoutAnyEvent() {
        Instant lastInbound = NOW;
        assertThat(ActivityTier.of(lastInbound, NOW.plus(Duration.ofHours(1)))).isEqualTo(ActivityTier.HIGH);
        assertThat(ActivityTier.of(lastInbound, NOW.plus(Duration.ofDays(2)))).isEqualTo(ActivityTier.MEDIUM);
        assertThat(ActivityTier.of(lastInbound, NOW.plus(Duration.ofDays(5)))).isEqualTo(ActivityTier.LOW);
        assertThat(ActivityTier.of(lastInbound, NOW.plus(Duration.ofDays(8)))).isEqualTo(ActivityTier.DORMANT);
    }

    @Test
    void highIntentCoolsToMediumAfterThreeSilentDays() {
        Instant asked = NOW.minus(Duration.ofDays(2));
        assertThat(IntentTier.effective(IntentTier.HIGH, asked, null, NOW)).isEqualTo(IntentTier.HIGH);
        assertThat(IntentTier.effective(IntentTier.HIGH, asked, null, NOW.plus(Duration.ofDays(1))))
                .isEqualTo(IntentTier.MEDIUM);
        assertThat(IntentTier.effective(IntentTier.POTENTIAL, asked, null, NOW.plus(Duration.ofDays(30))))
                .isEqualTo(IntentTier.POTENTIAL);
    }

    @Test
    void messagedButNeverRepliedIsNone() {
        assertThat(IntentTier.effective(null, null, NOW, NOW)).isEqualTo(IntentTier.NONE);
        assertThat(IntentTier.effective(null, null, null, NOW)).isNull();
    }

    @Test
    void strongerOrDecliningSignalsReplaceTheIntent() {
        assertThat(IntentTier.afterSignal(IntentTier.HIGH, IntentTier.POTENTIAL)).isEqualTo(IntentTier.HIGH);
        assertThat(IntentTier.afterSignal(IntentTier.POTENTIAL, IntentTier.HIGH)).isEqualTo(IntentTier.HIGH);
        assertThat(IntentTier.afterSignal(IntentTier.HIGH, IntentTier.NONE)).isEqualTo(IntentTier.NONE);
        assertThat(IntentTier.afterSignal(IntentTier.MEDIUM, null)).isEqualTo(IntentTier.MEDIUM);
    }
}
