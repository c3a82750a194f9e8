package io.chatroi.contacts.preference;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The one place the contact rules for sending live (opt-out, weekly cap, passive flag, contact window).
 * Marketing messages obey all of them; utility messages only the window; authentication and service
 * messages are transactional and always allowed unless the contact was erased.
 */
public final class SendRules {

    static final Duration CAP_PERIOD = Duration.ofDays(7);
    static final Duration PASSIVE_PERIOD = Duration.ofDays(30);
    private static final int SEARCH_DAYS = 9;

    private final int defaultWeeklyCap;
    private final List<ContactWindow> defaultWindows;

    public SendRules(int defaultWeeklyCap, List<ContactWindow> defaultWindows) {
        this.defaultWeeklyCap = defaultWeeklyCap;
        this.defaultWindows = List.copyOf(defaultWindows);
    }

    /**
     * @param history marketing messages already sent to the contact, as the caller counted them or the service tracks
     */
    public Eligibility check(ContactState contact, MessageCategory category, Instant at, MarketingHistory history) {
        if (contact.erased()) {
            return Eligibility.deny(Eligibility.ERASED, null, "the contact's personal data was erased");
        }
        if (category == MessageCategory.AUTHENTICATION || category == MessageCategory.SERVICE) {
            return Eligibility.permit();
        }
        List<ContactWindow> windows = contact.preferences().windows().isEmpty()
                ? defaultWindows : contact.preferences().windows();
        ZoneId zone = contact.zone();
        if (category == MessageCategory.MARKETING) {
            if (contact.optedOut()) {
                return Eligibility.deny(Eligibility.OPTED_OUT, null, "the contact opted out of marketing messages");
            }
            int cap = contact.preferences().maxMessagesPerWeek() != null
                    ? contact.preferences().maxMessagesPerWeek() : defaultWeeklyCap;
            if (history.sentLast7Days() >= cap) {
                Instant freed = history.oldestLast7Days() == null ? null : history.oldestLast7Days().plus(CAP_PERIOD);
                return Eligibility.deny(Eligibility.WEEKLY_CAP_REACHED, nextOpen(windows, zone, freed),
                        history.sentLast7Days() + " marketing messages in the last 7 days, cap " + cap);
            }
            if (contact.preferences().passive() && history.lastSentAt() != null
                    && history.lastSentAt().isAfter(at.minus(PASSIVE_PERIOD))) {
                return Eligibility.deny(Eligibility.PASSIVE_MONTHLY_LIMIT,
                        nextOpen(windows, zone, history.lastSentAt().plus(PASSIVE_PERIOD)),
                        "passive contact: one newsletter per 30 days");
            }
        }
        if (!windows.isEmpty() && !inAnyWindow(windows, at, zone)) {
            return Eligibility.deny(Eligibility.OUTSIDE_WINDOW, nextOpen(windows, zone, at),
                    "outside the contact's window in " + zone.getId());
        }
        return Eligibility.permit();
    }

    static boolean inAnyWindow(List<ContactWindow> windows, Instant at, ZoneId zone) {
        var local = at.atZone(zone).toLocalDateTime();
        return windows.stream().anyMatch(w -> w.contains(local));
    }

    /** The first instant at or after {@code from} inside a window; {@code from} itself when there are no windows. */
    static Instant nextOpen(List<ContactWindow> windows, ZoneId zone, Instant from) {
        if (from == null || windows.isEmpty() || inAnyWindow(windows, from, zone)) {
            return from;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        Instant best = null;
        for (int i = 0; i < SEARCH_DAYS; i++) {
            for (ContactWindow window : windows) {
                ZonedDateTime opens = window.opensOn(day.plusDays(i), zone);
                if (opens != null && opens.toInstant().isAfter(from)
                        && (best == null || opens.toInstant().isBefore(best))) {
                    best = opens.toInstant();
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** What the rules need to know of a contact. */
    public record ContactState(boolean erased, boolean optedOut, ZoneId zone, Preferences preferences) {
    }

    /** Marketing messages sent in the rolling 7 days before the send, and the latest one ever. */
    public record MarketingHistory(int sentLast7Days, Instant oldestLast7Days, Instant lastSentAt) {
        public static final MarketingHistory EMPTY = new MarketingHistory(0, null, null);
    }
}
