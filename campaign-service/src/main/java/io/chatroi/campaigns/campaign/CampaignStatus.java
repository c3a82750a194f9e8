package io.chatroi.campaigns.campaign;

/**
 * draft -> scheduled -> sending -> completed, with paused and cancelled on the side. An action not allowed from the
 * current status is a conflict (409).
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, SENDING, PAUSED, COMPLETED, CANCELLED;

    public String wire() {
        return name().toLowerCase();
    }

    public static CampaignStatus fromWire(String value) {
        for (CampaignStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown campaign status " + value);
    }

    /** The status after {@code action}, or null when the action is illegal from this status. */
    public CampaignStatus after(CampaignAction action, boolean scheduledInFuture) {
        return switch (action) {
            case LAUNCH -> this == DRAFT ? (scheduledInFuture ? SCHEDULED : SENDING) : null;
            case PAUSE -> this == SCHEDULED || this == SENDING ? PAUSED : null;
            case RESUME -> this == PAUSED ? (scheduledInFuture ? SCHEDULED : SENDING) : null;
            case CANCEL -> this == DRAFT || this == SCHEDULED || this == SENDING || this == PAUSED ? CANCELLED : null;
            case COMPLETE -> this == SENDING ? COMPLETED : null;
        };
    }
}
