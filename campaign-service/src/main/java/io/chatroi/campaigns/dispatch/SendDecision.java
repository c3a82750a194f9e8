package io.chatroi.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * What to do with a due send, given contacts-service's eligibility answer and the campaign's rule switches.
 * Opt-out and erasure always skip; quiet hours defer to the next allowed instant unless switched off; the weekly
 * cap (and a passive contact's monthly limit) defers or skips as the campaign says, unless switched off.
 */
public record SendDecision(Action action, String reason, Instant notBefore) {

    public enum Action { SEND, DEFER, SKIP }

    static final Duration CAP_RETRY = Duration.ofDays(1);

    public static SendDecision of(Eligibility answer, boolean respectQuietHours, boolean frequencyCap,
                                  boolean skipOnCap, Instant now) {
        if (answer.allowed()) {
            return new SendDecision(Action.SEND, null, null);
        }
        String reason = answer.reason();
        Instant next = answer.nextAllowedAt();
        return switch (reason == null ? "" : reason) {
            case "outside_window" -> respectQuietHours ? defer(reason, next, now) : send();
            case "weekly_cap_reached", "passive_monthly_limit" -> !frequencyCap ? send()
                    : skipOnCap ? new SendDecision(Action.SKIP, reason, null)
                    : defer(reason, next == null ? now.plus(CAP_RETRY) : next, now);
            default -> new SendDecision(Action.SKIP, reason == null ? "not_allowed" : reason, null);
        };
    }

    private static SendDecision send() {
        return new SendDecision(Action.SEND, null, null);
    }

    private static SendDecision defer(String reason, Instant next, Instant now) {
        return new SendDecision(Action.DEFER, reason, next == null || next.isBefore(now) ? now.plus(CAP_RETRY) : next);
    }

    /** contacts-service's answer to send-eligibility. */
    public record Eligibility(boolean allowed, String reason, Instant nextAllowedAt) {
    }
}
