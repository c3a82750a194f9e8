package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters holding instants: parsed here so a bad value is a 400 naming the parameter, not a 404. */
public final class QueryInstants {

    private QueryInstants() {
    }

    /** A from/to filter; either end may be absent (null). */
    public record Range(Instant from, Instant to) {
    }

    /** The {@code from} and {@code to} query parameters; when both are given, from must be before to. */
    public static Range range(String from, String to) {
        Instant start = parse(from, "from");
        Instant end = parse(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        return new Range(start, end);
    }

    public static Instant parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be an ISO-8601 UTC instant such as 2026-11-22T10:00:00Z");
        }
    }
}
