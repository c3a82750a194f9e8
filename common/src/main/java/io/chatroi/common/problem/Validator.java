package io.chatroi.common.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field error of one request before failing, so a client sees all of its mistakes at once.
 */
public final class Validator {

    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validator add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a validation problem when any error was collected. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
