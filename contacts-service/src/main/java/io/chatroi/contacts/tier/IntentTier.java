package io.chatroi.contacts.tier;

import java.time.Duration;
import java.time.Instant;

/**
 * Purchase-intent tiers of docs/tiers.md, strongest first. A contact's stored intent is the last signal its
 * messages gave; the effective intent also ages: high falls to medium after {@link #HIGH_DECAY} without an inbound
 * message, and a contact that was messaged but never replied counts as none.
 */
public enum IntentTier {
    HIGH("high"),
    MEDIUM("medium"),
    POTENTIAL("potential"),
    NONE("none");

    public static final Duration HIGH_DECAY = Duration.ofDays(3);

    /**
     * The filter value for a contact whose {@link #effective} intent is null: nothing known about it yet (no signal,
     * and not messaged without a reply). Not a tier: the contact reads as intent null and carries no intent tag.
     */
    public static final String UNKNOWN = "unknown";

    /** Whether a list's intent filter takes value: a tier's wire name or {@link #UNKNOWN}. */
    public static boolean isFilterValue(String value) {
        return UNKNOWN.equals(value) || fromWire(value) != null;
    }

    private final String wire;

    IntentTier(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public String tagName() {
        return "intent:" + wire;
    }

    public boolean strongerThan(IntentTier other) {
        return other == null || ordinal() < other.ordinal();
    }

    public static IntentTier fromWire(String value) {
        for (IntentTier tier : values()) {
            if (tier.wire.equals(value)) {
                return tier;
            }
        }
        return null;
    }

    /** The tier a reader sees now; null when nothing is known about the contact's intent yet. */
    public static IntentTier effective(IntentTier stored, Instant lastInboundAt, Instant lastOutboundAt, Instant now) {
        if (stored == HIGH && (lastInboundAt == null || !lastInboundAt.isAfter(now.minus(HIGH_DECAY)))) {
            return MEDIUM;
        }
        if (stored == null && lastInboundAt == null && lastOutboundAt != null) {
            return NONE;
        }
        return stored;
    }

    /**
     * The stored intent after a new message signal. A fresh signal at least as strong as the current one replaces it,
     * and an explicit decline replaces anything: "not now" after "how much" means the lead cooled.
     */
    public static IntentTier afterSignal(IntentTier currentEffective, IntentTier signal) {
        if (signal == null) {
            return currentEffective;
        }
        if (signal == NONE || currentEffective == null || !currentEffective.strongerThan(signal)) {
            return signal;
        }
        return currentEffective;
    }
}
