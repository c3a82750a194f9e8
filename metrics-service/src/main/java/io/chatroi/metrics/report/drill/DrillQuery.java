package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.report.funnel.FunnelStage;
import io.chatroi.metrics.web.QueryDates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The filter of a drill-down list, parsed at once so that every bad value is named in one 400 problem (as every list answers): the range
 * (workspace days, as the reports take it), owner, campaign and its variant, funnel stage, page size and cursor.
 */
public record DrillQuery(LocalDate from, LocalDate to, String owner, UUID campaignId, String variant,
                         FunnelStage.Name stage, int limit, TimeIdCursor after) {

    /** A variant key as campaign-service accepts it. */
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /**
     * The raw query parameters; {@code today} ends the default range. Null stage, campaign or variant: not asked
     * for.
     */
    public record Raw(String from, String to, String owner, String campaignId, String variant, String stage,
                      String limit, String after) {
    }

    public static DrillQuery parse(Raw raw, LocalDate today, boolean stageRequired) {
        List<FieldError> errors = new ArrayList<>();
        DrillQuery q = parse(raw, today, stageRequired, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return q;
    }

    /**
     * The query, or null with every bad value added to {@code errors}, for a list that reads parameters of its own
     * too and names them all in one problem.
     */
    public static DrillQuery parse(Raw raw, LocalDate today, boolean stageRequired, List<FieldError> errors) {
        int before = errors.size();
        QueryDates.Range range = attempt(errors, () -> QueryDates.range(raw.from(), raw.to(), today));
        UUID campaign = attempt(errors, () -> QueryDates.uuid(raw.campaignId(), "campaignId"));
        String variant = raw.variant() == null || raw.variant().isEmpty() ? null : raw.variant();
        if (variant != null && !VARIANT.matcher(variant).matches()) {
            errors.add(new FieldError("variant", "must be a variant key: 1-20 letters, digits, _ or -"));
        } else if (variant != null && (raw.campaignId() == null || raw.campaignId().isBlank())) {
            errors.add(new FieldError("variant", "needs campaignId: a variant key is one campaign's"));
        }
        FunnelStage.Name stage = null;
        if (raw.stage() != null && !raw.stage().isBlank()) {
            stage = Arrays.stream(FunnelStage.Name.values()).filter(n -> n.wire().equals(raw.stage())).findFirst()
                    .orElse(null);
            if (stage == null) {
                errors.add(new FieldError("stage", "must be one of reach, interact, convert, retain"));
            }
        } else if (stageRequired) {
            errors.add(new FieldError("stage", "is required: reach, interact, convert or retain"));
        }
        Integer limit = attempt(errors, () -> PageLimit.of(integer(raw.limit())));
        TimeIdCursor after = raw.after() == null || raw.after().isBlank() ? null
                : attempt(errors, () -> TimeIdCursor.decode(raw.after()));
        if (errors.size() > before) {
            return null;
        }
        String owner = raw.owner() == null || raw.owner().isBlank() ? null : raw.owner();
        return new DrillQuery(range.from(), range.to(), owner, campaign, variant, stage, limit, after);
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number between 1 and " + PageLimit.MAX);
        }
    }

    /** The value, or null with the problem's field errors added (the shared parsers throw 400s; a list names all). */
    static <T> T attempt(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
