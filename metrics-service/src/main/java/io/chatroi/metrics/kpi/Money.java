package io.chatroi.metrics.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts in reports are rounded to the minor unit of their currency (ISO 4217: USD and EUR 2 decimals, JPY 0,
 * KWD 3), not to a fixed two places.
 */
public final class Money {

    /** What the OpenAPI document says of every amount. */
    public static final String DESCRIPTION = "a decimal amount in the workspace currency (settings.currency),"
            + " rounded to that currency's minor unit";

    private Money() {
    }

    /** Decimals of the currency's minor unit; 2 for a code Java does not know or one without a minor unit (XAU). */
    public static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    public static BigDecimal round(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }
}
