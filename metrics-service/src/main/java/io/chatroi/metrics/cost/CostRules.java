package io.chatroi.metrics.cost;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Cost rules: the kind defaults from the category, labour is hours x hourly rate, and a cost is spread over its
 * period day by day, so a report covering part of the period carries that part (31 days of a 31-day cost: all of it;
 * 10 of 31 days: 10/31).
 */
public final class CostRules {

    private CostRules() {
    }

    /** A validated cost input with its derived fields, ready to store. */
    public record Valid(String category, String kind, BigDecimal amount, String currency, LocalDate periodStart,
                        LocalDate periodEnd, BigDecimal hours, BigDecimal hourlyRate) {
    }

    public static Valid validate(CostInput in, String workspaceCurrency) {
        Validator errors = new Validator();
        CostCategory category = CostCategory.fromWire(in.category());
        if (category == null) {
            errors.add("category", in.category() == null ? "is required" : "'" + in.category() + "' is not one of "
                    + CostCategory.allowed());
        }
        String kind = in.kind() != null ? in.kind() : category == null ? null : category.defaultKind();
        if (in.kind() != null && !in.kind().equals("explicit") && !in.kind().equals("hidden")) {
            errors.add("kind", "must be explicit or hidden");
        }
        BigDecimal amount = in.amount();
        // sizes first: nothing below multiplies or rescales a number the columns cannot hold
        int before = errors.errors().size();
        MoneyRules.check(errors, "amount", amount, null);
        MoneyRules.checkColumn(errors, "hours", in.hours(), 12, 2);
        MoneyRules.checkColumn(errors, "hourlyRate", in.hourlyRate(), 18, 2);
        // only a number too large stops here: every other mistake is listed with the rest below
        if (errors.errors().size() > before) {
            errors.throwIfInvalid();
        }
        boolean labour = in.hours() != null || in.hourlyRate() != null;
        if (labour) {
            errors.require(in.hours() != null && in.hourlyRate() != null, in.hours() == null ? "hours" : "hourlyRate",
                    "hours and hourlyRate go together");
            if (in.hours() != null && in.hourlyRate() != null) {
                errors.require(in.hours().signum() >= 0, "hours", "must be >= 0");
                errors.require(in.hourlyRate().signum() >= 0, "hourlyRate", "must be >= 0");
                BigDecimal derived = in.hours().multiply(in.hourlyRate()).setScale(2, RoundingMode.HALF_UP);
                if (amount != null && amount.compareTo(derived) != 0) {
                    errors.add("amount", "must equal hours x hourlyRate (" + derived.toPlainString() + ") or be left out");
                }
                MoneyRules.check(errors, "amount", derived, null);
                amount = derived;
            }
        } else if (amount == null) {
            errors.add("amount", "is required (or hours and hourlyRate)");
        }
        if (amount != null && amount.signum() < 0) {
            errors.add("amount", "must be >= 0");
        }
        if (amount != null && amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.add("amount", "has more than 2 decimal places");
        }
        String currency = in.currency() == null ? workspaceCurrency : in.currency().toUpperCase();
        errors.require(currency.equals(workspaceCurrency), "currency",
                "must be the workspace currency " + workspaceCurrency + " (no conversion)");
        LocalDate start = in.periodStart();
        LocalDate end = in.periodEnd() == null ? start : in.periodEnd();
        errors.require(start != null, "periodStart", "is required (an ISO date)");
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "cannot be before periodStart");
        }
        TextRules.checkOwner(errors, "owner", in.owner());
        TextRules.checkText(errors, "description", in.description(), 2000);
        errors.throwIfInvalid();
        return new Valid(category.wire(), kind, amount.setScale(2, RoundingMode.HALF_UP), currency, start, end,
                in.hours(), in.hourlyRate());
    }

    /** The part of {@code amount} over [periodStart, periodEnd] that falls in [from, to] (all dates inclusive). */
    public static BigDecimal spread(BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, LocalDate from,
                                    LocalDate to) {
        LocalDate start = periodStart.isAfter(from) ? periodStart : from;
        LocalDate end = periodEnd.isBefore(to) ? periodEnd : to;
        if (end.isBefore(start)) {
            return BigDecimal.ZERO;
        }
        long overlap = ChronoUnit.DAYS.between(start, end) + 1;
        long days = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
        return amount.multiply(BigDecimal.valueOf(overlap)).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64);
    }

    /** The same spread in SQL, for a costs row aliased {@code c} and date parameters {@code from}, {@code to}. */
    public static String spreadSql(String from, String to) {
        return "c.amount * greatest(0, least(c.period_end, " + to + ") - greatest(c.period_start, " + from + ") + 1)"
                + "::numeric / (c.period_end - c.period_start + 1)";
    }
}
