package io.chatroi.campaigns.send;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a campaign's sends a list shows: the dispatcher's status, the variant, a counter's stage, the provider's
 * error code (as the counters' failedByCode counts it) and the skip or failure reason. All given filters apply.
 */
public record SendFilter(String status, String variant, SendStage stage, Integer errorCode, String reason) {

    static final Set<String> STATUSES = Set.of("queued", "deferred", "skipped", "holdout", "sending", "sent", "failed",
            "cancelled");
    private static final int MAX_TEXT = 200;

    /** Parses the query parameters, every bad one as a field error. */
    public static SendFilter parse(String status, String variant, String stage, String errorCode, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", new TreeSet<>(STATUSES))));
        }
        SendStage parsedStage = null;
        if (stage != null) {
            parsedStage = SendStage.ofKey(stage).orElse(null);
            if (parsedStage == null) {
                errors.add(new FieldError("stage", "must be one of " + SendStage.keys()));
            }
        }
        Integer code = null;
        if (errorCode != null) {
            try {
                code = Integer.valueOf(errorCode);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("errorCode", "must be a whole number such as 131026"));
            }
        }
        tooLong("variant", variant, errors);
        tooLong("reason", reason, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SendFilter(status, variant, parsedStage, code, reason);
    }

    private static void tooLong(String field, String value, List<FieldError> errors) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    /** Appends this filter's conditions to {@code where} and their values to {@code params} ($n numbered on). */
    void appendTo(StringBuilder where, List<Object> params) {
        if (status != null) {
            params.add(status);
            where.append(" AND s.status = $").append(params.size());
        }
        if (variant != null) {
            params.add(variant);
            where.append(" AND s.variant = $").append(params.size());
        }
        if (stage != null) {
            where.append(" AND ").append(stage.predicate());
        }
        if (errorCode != null) {
            params.add(errorCode);
            where.append(" AND coalesce(m.error_code, s.error_code) = $").append(params.size());
        }
        if (reason != null) {
            params.add(reason);
            where.append(" AND s.reason = $").append(params.size());
        }
    }
}
