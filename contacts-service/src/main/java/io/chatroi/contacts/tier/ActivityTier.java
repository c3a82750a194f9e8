package io.chatroi.contacts.tier;

import java.time.Duration;
import java.time.Instant;

/**
 * Activity tiers of docs/tiers.md, from the time of the contact's last inbound message. The bounds here are the
 * only definition: Java evaluation at read time and the SQL predicates used by filters both derive from them.
 */
public enum ActivityTier {
    HIGH("high", Duration.ofHours(24)),
    MEDIUM("medium", Duration.ofDays(3)),
    LOW("low", Duration.ofDays(7)),
    DORMANT("dormant", null);

    private final String wire;
    private final Duration within;

    ActivityTier(String wire, Duration within) {
        this.wire = wire;
        this.within = within;
    }

    public String wire() {
        return wire;
    }

    public String tagName() {
        return "activity:" + wire;
    }

    /** The newest tier this one is below, or null for HIGH. */
    ActivityTier previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** Inbound messages newer than {@code now - within} qualify; null for DORMANT (no upper age). */
    public Duration within() {
        return within;
    }

    public static ActivityTier of(Instant lastInboundAt, Instant now) {
        if (lastInboundAt == null) {
            return DORMANT;
        }
        Duration age = Duration.between(lastInboundAt, now);
        for (ActivityTier tier : values()) {
            if (tier.within != null && age.compareTo(tier.within) < 0) {
                return tier;
            }
        }
        return DORMANT;
    }

    public static ActivityTier fromWire(String value) {
        for (ActivityTier tier : values()) {
            if (tier.wire.equals(value)) {
                return tier;
            }
        }
        return null;
    }

    /**
     * The instant this tier's window starts for a given now: contacts whose last inbound is at or after it (and
     * before the previous tier's start) are in this tier.
     */
    public Instant since(Instant now) {
        return within == null ? null : now.minus(within);
    }

    /** The instant after which a contact is in a newer tier than this one, or null for HIGH. */
    public Instant until(Instant now) {
        ActivityTier newer = previous();
        return newer == null ? null : newer.since(now);
    }
}
