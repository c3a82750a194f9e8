package io.chatroi.metrics.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The arithmetic every KPI shares: a ratio whose denominator is zero is null, never 0 and never an error. */
public final class KpiMath {

    public static final int SCALE = 6;

    private KpiMath() {
    }

    public static Double ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return round((double) numerator / denominator);
    }

    public static Double ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double ratio(BigDecimal numerator, long denominator) {
        return ratio(numerator, BigDecimal.valueOf(denominator));
    }

    public static Double ratio(long numerator, BigDecimal denominator) {
        return ratio(BigDecimal.valueOf(numerator), denominator);
    }

    /** (gain - cost) / cost: the ROI form of seed 001. */
    public static Double roi(BigDecimal gain, BigDecimal cost) {
        if (gain == null || cost == null || cost.signum() == 0) {
            return null;
        }
        return ratio(gain.subtract(cost), cost);
    }

    /** (revenue / recipients) / (spend / recipients) (seed 004); null when either side has a zero denominator. */
    public static Double spendReturn(BigDecimal revenue, BigDecimal spend, long recipients) {
        Double revenuePerRecipient = ratio(revenue, recipients);
        Double spendPerRecipient = ratio(spend, recipients);
        if (revenuePerRecipient == null || spendPerRecipient == null || spendPerRecipient == 0) {
            return null;
        }
        return round(revenuePerRecipient / spendPerRecipient);
    }

    public static Double round(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double mean(double sum, long count) {
        return count == 0 ? null : round(sum / count);
    }
}
