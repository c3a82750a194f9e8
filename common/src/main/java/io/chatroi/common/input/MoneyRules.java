package io.chatroi.common.input;

import io.chatroi.common.problem.Validator;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money fits its column, {@code numeric(18,2)}, and its currency's scale (no cents on yen). Checked on the number as
 * written, before anything rounds or rescales it: {@code 1e999999999} is one digit with a huge exponent, and
 * {@code setScale} on it would build a billion-digit number.
 */
public final class MoneyRules {

    /** Digits before the decimal point that numeric(18,2) holds. */
    public static final int MAX_INTEGER_DIGITS = 16;
    /** The column's scale: no currency is stored with more decimals. */
    public static final int MAX_SCALE = 2;
    /** OpenAPI {@code maximum} of an amount: the largest value numeric(18,2) holds. */
    public static final String MAXIMUM = "9999999999999999.99";

    private MoneyRules() {
    }

    /** Why {@code amount} cannot be stored as money of {@code currency} (null: the column's scale), or null. */
    public static String problem(BigDecimal amount, String currency) {
        int allowed = Math.min(MAX_SCALE, fractionDigits(currency));
        String problem = columnProblem(amount, MAX_INTEGER_DIGITS + MAX_SCALE, allowed);
        return problem != null && allowed == 0 && problem.startsWith("has more") ? "takes no decimals in " + currency
                : problem;
    }

    /** Why {@code value} does not fit a {@code numeric(precision, scale)} column without rounding, or null. */
    public static String columnProblem(BigDecimal value, int precision, int scale) {
        if (value == null) {
            return null;
        }
        int integerDigits = precision - scale;
        if (value.signum() != 0 && value.precision() - value.scale() > integerDigits) {
            return "must be less than 10^" + integerDigits;
        }
        // a tiny number such as 1e-999999999 has one digit, so stripping its zeros is cheap
        if (value.scale() > scale && (value.scale() > 1_000 || value.stripTrailingZeros().scale() > scale)) {
            return "has more than " + scale + " decimal places";
        }
        return null;
    }

    public static void checkColumn(Validator errors, String field, BigDecimal value, int precision, int scale) {
        String problem = columnProblem(value, precision, scale);
        if (problem != null) {
            errors.add(field, problem);
        }
    }

    public static void check(Validator errors, String field, BigDecimal amount, String currency) {
        String problem = problem(amount, currency);
        if (problem != null) {
            errors.add(field, problem);
        }
    }

    private static int fractionDigits(String currency) {
        if (currency == null) {
            return MAX_SCALE;
        }
        try {
            int digits = Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? MAX_SCALE : digits;
        } catch (IllegalArgumentException e) {
            return MAX_SCALE; // the currency itself is reported by its own rule
        }
    }
}
