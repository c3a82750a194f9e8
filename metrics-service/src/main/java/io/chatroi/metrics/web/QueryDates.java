package io.chatroi.metrics.web;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date and week query parameters (workspace days): a bad value is a 400 naming the parameter. */
public final class QueryDates {

    public static final int MAX_RANGE_DAYS = 3 * 366;
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private QueryDates() {
    }

    public record Range(LocalDate from, LocalDate to) {
        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    public static LocalDate parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be an ISO date such as 2026-11-22");
        }
    }

    /** from/to (inclusive): without either, the last 30 days up to {@code today}; from alone runs to today. */
    public static Range range(String from, String to, LocalDate today) {
        Validator errors = new Validator();
        LocalDate start = null;
        LocalDate end = null;
        try {
            end = parse(to, "to");
        } catch (ProblemException e) {
            errors.add("to", "must be an ISO date such as 2026-11-22");
        }
        try {
            start = parse(from, "from");
        } catch (ProblemException e) {
            errors.add("from", "must be an ISO date such as 2026-11-22");
        }
        errors.throwIfInvalid();
        if (end == null) {
            end = start != null && start.isAfter(today) ? start : today;
        }
        if (start == null) {
            start = end.minusDays(29);
        }
        errors.require(!end.isBefore(start), "to", "cannot be before from");
        errors.require(ChronoUnit.DAYS.between(start, end) < MAX_RANGE_DAYS, "to",
                "a range spans at most " + MAX_RANGE_DAYS + " days");
        errors.throwIfInvalid();
        return new Range(start, end);
    }

    /** An ISO week such as 2026-W47 as its Monday..Sunday range. */
    public static Range week(String value, String parameter) {
        Matcher m = value == null ? null : WEEK.matcher(value);
        if (m == null || !m.matches()) {
            throw ProblemException.invalid(parameter, "must be an ISO week such as 2026-W47");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            // the year's own week count (52 or 53), read before setting the week: with() would roll W53 over
            LocalDate midYear = LocalDate.of(year, 6, 1);
            if (week < 1 || week > midYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new DateTimeException("no such week");
            }
            LocalDate anyDay = midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week);
            LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
            return new Range(monday, monday.plusDays(6));
        } catch (DateTimeException e) {
            throw ProblemException.invalid(parameter, "'" + value + "' is not an ISO week of that year");
        }
    }

    public static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static UUID uuid(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be a UUID");
        }
    }
}
