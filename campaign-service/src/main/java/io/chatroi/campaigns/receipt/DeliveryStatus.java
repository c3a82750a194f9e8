package io.chatroi.campaigns.receipt;

/**
 * WhatsApp delivery statuses ordered by how far a message got. A later state implies the earlier ones (read implies
 * delivered implies sent). Failed sits above sent and below delivered: a delivered or read receipt is proof the
 * message arrived, whatever failure was reported on the way. Statuses WhatsApp may add later are kept as
 * {@link #OTHER}: stored, never rejected, and they move nothing.
 */
public enum DeliveryStatus {
    OTHER(0), SENT(1), FAILED(2), DELIVERED(3), READ(4), PLAYED(5);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return name().toLowerCase();
    }

    public static DeliveryStatus fromWire(String value) {
        if (value != null) {
            for (DeliveryStatus status : values()) {
                if (status != OTHER && status.wire().equals(value)) {
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
