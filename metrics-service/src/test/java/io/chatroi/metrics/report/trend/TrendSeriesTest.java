package io.chatroi.metrics.report.trend;

import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrendSeriesTest {

    @Test
    void everyDayOrIsoWeekOfTheRangeIsAPeriod() {
        LocalDate from = LocalDate.parse("2025-03-01");
        LocalDate to = LocalDate.parse("2025-03-10");
        assertThat(TrendSeries.periods(from, to, Trend.Interval.DAY)).hasSize(10).startsWith("2025-03-01")
                .endsWith("2025-03-10");
        // Saturday 1 March is in 2025-W09, Monday 3 March starts W10, Monday 10 March starts W11
        assertThat(TrendSeries.periods(from, to, Trend.Interval.WEEK))
                .containsExactly("2025-W09", "2025-W10", "2025-W11");
    }

    @Test
    void anEmptyPeriodShowsZeroForCountsAndAmountsAndNullForRatios() {
        assertThat(TrendSeries.emptyPeriod("sent", 2)).isEqualTo(0L);
        assertThat(TrendSeries.emptyPeriod("conversations", 2)).isEqualTo(0L);
        assertThat(TrendSeries.emptyPeriod("revenue", 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(TrendSeries.emptyPeriod("spend", 0)).isEqualTo(new BigDecimal("0"));
        assertThat(TrendSeries.emptyPeriod("replyRate", 2)).isNull();
    }

    @Test
    void unknownMetricsAndIntervalsAreRefused() {
        assertThat(TrendSeries.interval(null)).isEqualTo(Trend.Interval.DAY);
        assertThat(TrendSeries.interval("week")).isEqualTo(Trend.Interval.WEEK);
        assertThatThrownBy(() -> TrendSeries.interval("month")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> TrendSeries.metric("profit")).isInstanceOf(ProblemException.class);
        assertThat(TrendSeries.metric("roas")).isEqualTo("roas");
    }
}
