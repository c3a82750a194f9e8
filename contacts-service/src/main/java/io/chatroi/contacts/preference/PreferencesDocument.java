package io.chatroi.contacts.preference;

import io.chatroi.common.problem.Validator;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Preferences as the API reads and writes them, e.g. {"format": "text", "windows": [{"days": ["MON","TUE"],
 * "start": "09:00", "end": "18:00"}], "maxMessagesPerWeek": 2, "passive": false}; times are in the contact's zone.
 */
public record PreferencesDocument(
        @Schema(nullable = true) String format,
        @Schema(nullable = true) List<Window> windows,
        @Schema(nullable = true) Integer maxMessagesPerWeek,
        @Schema(nullable = true) Boolean passive) {

    static final Set<String> FORMATS = Set.of("text", "voice", "image", "video");
    static final int MAX_WINDOWS = 14;

    public record Window(List<String> days, String start, String end) {
    }

    public static final PreferencesDocument EMPTY = new PreferencesDocument(null, List.of(), null, false);

    /** Validates and converts to the domain form used by {@link SendRules}. */
    public Preferences toPreferences(Validator errors) {
        if (format != null && !FORMATS.contains(format)) {
            errors.add("format", "must be one of text, voice, image, video");
        }
        if (maxMessagesPerWeek != null && (maxMessagesPerWeek < 0 || maxMessagesPerWeek > 100)) {
            errors.add("maxMessagesPerWeek", "must be between 0 and 100");
        }
        List<Window> raw = windows == null ? List.of() : windows;
        if (raw.size() > MAX_WINDOWS) {
            errors.add("windows", "at most " + MAX_WINDOWS + " windows");
        }
        List<ContactWindow> parsed = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ContactWindow window = parseWindow(raw.get(i), "windows[" + i + "]", errors);
            if (window != null) {
                parsed.add(window);
            }
        }
        return new Preferences(format, List.copyOf(parsed), maxMessagesPerWeek, Boolean.TRUE.equals(passive));
    }

    static ContactWindow parseWindow(Window window, String field, Validator errors) {
        if (window == null) {
            errors.add(field, "is null");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (window.days() == null || window.days().isEmpty()) {
            errors.add(field + ".days", "needs at least one of MON, TUE, WED, THU, FRI, SAT, SUN");
        } else {
            for (String day : window.days()) {
                DayOfWeek parsed = day(day);
                if (parsed == null) {
                    errors.add(field + ".days", "'" + day + "' is not one of MON, TUE, WED, THU, FRI, SAT, SUN");
                } else {
                    days.add(parsed);
                }
            }
        }
        LocalTime start = time(window.start(), field + ".start", errors);
        LocalTime end = time(window.end(), field + ".end", errors);
        if (start != null && start.equals(end)) {
            errors.add(field + ".end", "must differ from start (a window ending before it starts crosses midnight)");
        }
        return start == null || end == null || days.isEmpty() ? null : new ContactWindow(days, start, end);
    }

    static DayOfWeek day(String value) {
        if (value == null) {
            return null;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equals(value.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime time(String value, String field, Validator errors) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            errors.add(field, "must be a time HH:mm such as 09:00");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + value + "' is not a valid time");
            return null;
        }
    }
}
