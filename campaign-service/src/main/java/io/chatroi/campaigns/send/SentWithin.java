package io.chatroi.campaigns.send;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Which sends of every campaign a list shows by when they went out: sent at or after {@code from}, before {@code to}
 * (half-open, so consecutive days never share a send), and optionally at a counter's stage (delivered: a delivered
 * or read receipt came, counted as the campaign counters count it). The instant is the send's sentAt as the list
 * shows it, the instant metrics-service places a send on a day by. {@code repliedWithinDays} keeps the sends replied
 * to within that many days of going out: the replies the reports count (their reply window), which a reply after
 * the window is not.
 */
public record SentWithin(Instant from, Instant to, SendStage stage, Integer repliedWithinDays) {

    static final SentWithin NONE = new SentWithin(null, null, null, null);

    /** The longest reply window the reports' settings allow (metrics-service: 1-3650 days). */
    static final int MAX_REPLY_DAYS = 3650;

    /** Parses the query parameters, every bad one as a field error of one 400 (the convention of every list). */
    public static SentWithin parse(String sentFrom, String sentTo, String stage) {
        return parse(sentFrom, sentTo, stage, null);
    }

    /** The same with a reply window. */
    public static SentWithin parse(String sentFrom, String sentTo, String stage, String repliedWithinDays) {
        List<FieldError> errors = new ArrayList<>();
        SentWithin within = parse(sentFrom, sentTo, stage, repliedWithinDays, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return within;
    }

    /** Parses the query parameters into {@code errors}, so a list can answer them with its other bad parameters. */
    public static SentWithin parse(String sentFrom, String sentTo, String stage, String repliedWithinDays,
                                   List<FieldError> errors) {
        Instant from = instant("sentFrom", sentFrom, errors);
        Instant to = instant("sentTo", sentTo, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("sentTo", "must be after sentFrom"));
        }
        SendStage parsedStage = null;
        if (stage != null) {
            parsedStage = SendStage.ofKey(stage).orElse(null);
            if (parsedStage == null) {
                errors.add(new FieldError("stage", "must be one of " + SendStage.keys()));
            }
        }
        return new SentWithin(from, to, parsedStage, days(repliedWithinDays, errors));
    }

    private static Integer days(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= MAX_REPLY_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below with the range
        }
        errors.add(new FieldError("repliedWithinDays", "must be a whole number of days from 1 to " + MAX_REPLY_DAYS));
        return null;
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 UTC instant such as 2026-11-22T00:00:00Z"));
            return null;
        }
    }

    /** A whole list (its CSV) must be bounded on both sides: every send of every campaign is no download. */
    public void requireBounds() {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("sentFrom", "is required for the CSV"));
        }
        if (to == null) {
            errors.add(new FieldError("sentTo", "is required for the CSV"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Appends this filter's conditions to {@code where} and their values to {@code params} ($n numbered on). */
    void appendTo(StringBuilder where, List<Object> params) {
        if (from != null) {
            params.add(time(from));
            where.append(" AND coalesce(s.sent_at, m.sent_at) >= $").append(params.size());
        }
        if (to != null) {
            params.add(time(to));
            where.append(" AND coalesce(s.sent_at, m.sent_at) < $").append(params.size());
        }
        if (stage != null) {
            where.append(" AND ").append(stage.predicate());
        }
        if (repliedWithinDays != null) {
            params.add(repliedWithinDays);
            // a send never replied to has no replied_at: the comparison is NULL, so it is not listed
            where.append(" AND s.replied_at <= coalesce(s.sent_at, m.sent_at) + make_interval(days => $")
                    .append(params.size()).append(")");
        }
    }
}
