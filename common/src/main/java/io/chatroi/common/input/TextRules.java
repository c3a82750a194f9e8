package io.chatroi.common.input;

import io.chatroi.common.problem.Validator;

/**
 * The product's one rule for text, applied at every service's edge (JSON bodies, query parameters, CSV cells,
 * webhook payloads): no NUL or other C0 control characters (PostgreSQL refuses 0x00 in text, and the others only
 * hide content), except tab and newline where a field is multi-line; every string has a maximum length in
 * Unicode code points; owner names carry no separator of the list-filter syntax.
 */
public final class TextRules {

    /** Names, companies, owners, tags, and other one-line labels. */
    public static final int MAX_LABEL = 200;
    /** Owner names (an agent key's owner, a contact's or deal's owner). */
    public static final int MAX_OWNER = 100;
    /** Free text such as a message body or a note. */
    public static final int MAX_TEXT = 10_000;
    /** A query parameter value. */
    public static final int MAX_QUERY_VALUE = 1_000;
    /** OpenAPI pattern of one-line text: no C0 control character. */
    public static final String LINE_PATTERN = "^[^\\x00-\\x1F\\x7F]*$";
    /** OpenAPI pattern of an owner name: one line without the filter's separator (comma). */
    public static final String OWNER_PATTERN = "^[^\\x00-\\x1F\\x7F,]*$";

    private TextRules() {
    }

    /** Why {@code value} is not acceptable one-line text of at most {@code max} code points, or null. */
    public static String lineProblem(String value, int max) {
        return problem(value, max, false);
    }

    /** Like {@link #lineProblem} but tab, newline and carriage return are allowed (multi-line text). */
    public static String textProblem(String value, int max) {
        return problem(value, max, true);
    }

    /** Why {@code value} cannot be an owner name, or null: one line, at most 100, no comma. */
    public static String ownerProblem(String value) {
        String line = lineProblem(value, MAX_OWNER);
        if (line != null) {
            return line;
        }
        return value != null && value.indexOf(',') >= 0
                ? "must not contain a comma (it separates the values of an owner filter)" : null;
    }

    public static void checkLine(Validator errors, String field, String value, int max) {
        add(errors, field, lineProblem(value, max));
    }

    public static void checkText(Validator errors, String field, String value, int max) {
        add(errors, field, textProblem(value, max));
    }

    public static void checkOwner(Validator errors, String field, String value) {
        add(errors, field, ownerProblem(value));
    }

    /** True when {@code value} holds a character PostgreSQL or a reader could not take as text. */
    public static boolean hasControl(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
            // a lone surrogate cannot be encoded as UTF-8 for the database
            if (Character.isHighSurrogate(c) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String problem(String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (hasControl(value, multiLine)) {
            return multiLine ? "must not contain control characters other than tab and newline"
                    : "must not contain control characters (NUL, tab, newline...)";
        }
        if (value.length() > max && value.codePointCount(0, value.length()) > max) {
            return "must be at most " + max + " characters";
        }
        return null;
    }

    private static void add(Validator errors, String field, String problem) {
        if (problem != null) {
            errors.add(field, problem);
        }
    }
}
