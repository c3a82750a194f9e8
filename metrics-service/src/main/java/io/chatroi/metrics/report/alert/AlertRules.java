package io.chatroi.metrics.report.alert;

import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.Rating;

import java.time.Duration;
import java.time.Instant;

/** When a live check fires: plain rules over what the alert service measured. */
public final class AlertRules {

    /** A nightly run older than this means the nightly job did not run. */
    static final Duration NIGHTLY_MAX_AGE = Duration.ofHours(26);

    private AlertRules() {
    }

    /** A KPI below its band fires; one without a value is unknown. */
    public static Alert.Status ofKpi(KpiValue value) {
        return value.rating() == Rating.BELOW ? Alert.Status.ALERT
                : value.value() == null ? Alert.Status.UNKNOWN : Alert.Status.OK;
    }

    /** At least 10 failures with one error code in the last 24 h, and more than 3 x the daily average of the 7 days before. */
    public static boolean errorSpike(long lastDay, long weekBefore) {
        return lastDay >= 10 && lastDay > 3 * (weekBefore / 7.0);
    }

    /** The last nightly run: none, failed, or requested longer ago than a day and a bit fires. */
    public static Alert.Status nightly(String lastStatus, Instant lastRequestedAt, Instant now) {
        boolean missing = lastRequestedAt == null || lastRequestedAt.isBefore(now.minus(NIGHTLY_MAX_AGE));
        boolean failed = "failed".equals(lastStatus);
        return missing || failed ? Alert.Status.ALERT : Alert.Status.OK;
    }

    static String percent(Double value) {
        return value == null ? "n/a" : String.format("%.1f%%", value * 100);
    }
}
