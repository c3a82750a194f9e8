package io.chatroi.metrics.report.alert;

import io.chatroi.metrics.kpi.KpiCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aKpiBelowItsBandFiresAndOneWithoutValueIsUnknown() {
        assertThat(AlertRules.ofKpi(KpiCatalog.value("optOutRate", 0.01))).isEqualTo(Alert.Status.ALERT);
        assertThat(AlertRules.ofKpi(KpiCatalog.value("optOutRate", 0.001))).isEqualTo(Alert.Status.OK);
        assertThat(AlertRules.ofKpi(KpiCatalog.value("optOutRate", null))).isEqualTo(Alert.Status.UNKNOWN);
    }

    @Test
    void anErrorSpikeNeedsTenFailuresAndThreeTimesTheDailyAverage() {
        assertThat(AlertRules.errorSpike(10, 0)).isTrue();
        assertThat(AlertRules.errorSpike(9, 0)).as("under 10 a day is noise").isFalse();
        assertThat(AlertRules.errorSpike(30, 70)).as("exactly 3 x the average of 10 a day").isFalse();
        assertThat(AlertRules.errorSpike(31, 70)).isTrue();
    }

    @Test
    void theNightlyRunMustHaveRunWithinADayAndNotFailed() {
        assertThat(AlertRules.nightly(null, null, NOW)).isEqualTo(Alert.Status.ALERT);
        assertThat(AlertRules.nightly("succeeded", NOW.minus(Duration.ofHours(8)), NOW)).isEqualTo(Alert.Status.OK);
        assertThat(AlertRules.nightly("failed", NOW.minus(Duration.ofHours(8)), NOW)).isEqualTo(Alert.Status.ALERT);
        assertThat(AlertRules.nightly("succeeded", NOW.minus(Duration.ofHours(27)), NOW))
                .isEqualTo(Alert.Status.ALERT);
    }
}
