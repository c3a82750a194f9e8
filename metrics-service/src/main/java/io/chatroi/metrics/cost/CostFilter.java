package io.chatroi.metrics.cost;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which costs a list shows: those whose period overlaps {@code from..to} (workspace days, inclusive, as the ROI
 * report prorates them), of a category and of a kind (explicit or hidden), of a campaign and of an owner; every
 * part optional. A drill-down from a cost bar lists with the bar's category or kind and the report's range.
 */
public record CostFilter(LocalDate from, LocalDate to, String category, String kind, UUID campaignId, String owner) {

    private static final List<String> KINDS = List.of("explicit", "hidden");

    /** Parses the query parameters, every bad one as a field error of one 400. */
    public static CostFilter parse(String from, String to, String category, String kind, UUID campaignId,
                                   String owner) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (blank(category) == null) {
            category = null;
        } else if (CostCategory.fromWire(category) == null) {
            errors.add(new FieldError("category", "must be one of " + CostCategory.allowed()));
        }
        if (blank(kind) == null) {
            kind = null;
        } else if (!KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", KINDS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CostFilter(start, end, category, kind, campaignId, blank(owner));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date such as 2026-11-22"));
            return null;
        }
    }
}
