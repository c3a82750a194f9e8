package io.chatroi.campaigns.receipt;

/**
 * WhatsApp delivery statuses ordered by how far a message got. A later state implies the earlier ones (read implies
 * delivered implies sent). Failed sits above sent and below delivered: a delivered or read receipt is proof the
 * message arrived, whatever failure was reported on the way. Statuses WhatsApp may add later are kept as
 * {@link #OTHER}: stored, never rejected, and they move nothing.
 */
public enum DeliveryStatus {
    OTHER(0), SENT(1), FAILED(2), DELIVERED(3), READ(4), PLAYED(5);

    private static final DeliveryStatus[] KNOWN = {SENT, FAILED, DELIVERED, READ, PLAYED};

    private final int rank;
    // read for every receipt a webhook carries: computed once, not lower-cased per call
    private final String wire;

    DeliveryStatus(int rank) {
        this.rank = rank;
        this.wire = name().toLowerCase(java.util.Locale.ROOT);
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return wire;
    }

    public static DeliveryStatus fromWire(String value) {
        if (value != null) {
            for (DeliveryStatus status : KNOWN) {
                if (status.wire.equals(value)) {
                    return status;
                }
            }
        }
        return OTHER;
    }

    /** Whether reaching this state means the message also reached {@code other} (read implies delivered...). */
    public boolean implies(DeliveryStatus other) {
        if (other == OTHER || other == FAILED || this == FAILED) {
            return this == other;
        }
        return rank >= other.rank;
    }
}
