package io.chatroi.common.time;

import io.chatroi.common.problem.Validator;

import java.time.Duration;
import java.time.Instant;

/**
 * The from/to window of a list or report that reads raw messages: without {@code from} it reaches back
 * {@link #DEFAULT_LENGTH} from its end, and it may span at most {@link #MAX_LENGTH}, so one request cannot scan every
 * message ever stored.
 */
public record InstantWindow(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    static final String RULE = "must be before to, at most 366 days apart";

    /** The window ending at {@code end}, starting at {@code from} or, when it is absent, the default length back. */
    public static InstantWindow endingAt(Instant from, Instant end) {
        return new InstantWindow(from != null ? from : end.minus(DEFAULT_LENGTH), end);
    }

    public boolean isValid() {
        return from.isBefore(to) && Duration.between(from, to).compareTo(MAX_LENGTH) <= 0;
    }

    /** Adds the {@code from} field error when the window is empty, reversed or too long. */
    public InstantWindow check(Validator errors) {
        errors.require(isValid(), "from", RULE);
        return this;
    }

    /** Answers a 400 naming {@code from} when the window is empty, reversed or too long. */
    public InstantWindow requireValid() {
        Validator errors = new Validator();
        check(errors);
        errors.throwIfInvalid();
        return this;
    }
}
