package io.chatroi.contacts.preference;

import java.time.Instant;

/**
 * Whether a message of a category may go to a contact at an instant. When not allowed, {@code reason} says why and
 * {@code nextAllowedAt} says when it may (null when it never may, as after an opt-out).
 */
public record Eligibility(boolean allowed, String reason, Instant nextAllowedAt, String detail) {

    public static final String ERASED = "erased";
    public static final String OPTED_OUT = "opted_out";
    public static final String WEEKLY_CAP_REACHED = "weekly_cap_reached";
    public static final String PASSIVE_MONTHLY_LIMIT = "passive_monthly_limit";
    public static final String OUTSIDE_WINDOW = "outside_window";

    static Eligibility permit() {
        return new Eligibility(true, null, null, null);
    }

    static Eligibility deny(String reason, Instant nextAllowedAt, String detail) {
        return new Eligibility(false, reason, nextAllowedAt, detail);
    }
}
