package io.chatroi.common.problem;

/** One invalid input field, as listed in a validation problem's {@code errors}. */
public record FieldError(String field, String message) {
}
