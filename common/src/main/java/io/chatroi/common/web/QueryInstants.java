package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters holding instants: parsed here so a bad value is a 400 naming the parameter, not a 404. */
public final class QueryInstants {

    private QueryInstants() {
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
