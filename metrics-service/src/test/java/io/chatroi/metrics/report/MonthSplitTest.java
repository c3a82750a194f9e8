package io.chatroi.metrics.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MonthSplitTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void wholeMonthsInsideTheRangeWithDaysLeftAtBothEnds() {
        MonthSplit s = MonthSplit.of(d("2025-01-20"), d("2025-04-03"));
        assertThat(s.hasMonths()).isTrue();
        assertThat(s.headEnd()).isEqualTo(d("2025-01-31"));
        assertThat(s.firstMonth()).isEqualTo(d("2025-02-01"));
        assertThat(s.lastMonth()).isEqualTo(d("2025-03-01"));
        assertThat(s.tailStart()).isEqualTo(d("2025-04-01"));
    }

    @Test
    void rangeOfExactlyWholeMonthsHasEmptyEnds() {
        MonthSplit s = MonthSplit.of(d("2024-02-01"), d("2024-03-31"));
        assertThat(s.firstMonth()).isEqualTo(d("2024-02-01"));
        assertThat(s.lastMonth()).isEqualTo(d("2024-03-01"));
        assertThat(s.headEnd()).isBefore(s.from());
        assertThat(s.tailStart()).isAfter(s.to());
    }

    @Test
    void rangeWithoutAWholeMonthIsReadDayByDay() {
        for (MonthSplit s : new MonthSplit[]{MonthSplit.of(d("2025-01-02"), d("2025-01-31")),
                MonthSplit.of(d("2025-01-15"), d("2025-02-14")), MonthSplit.of(d("2025-03-01"), d("2025-03-30")),
                MonthSplit.of(d("2025-03-05"), d("2025-03-05"))}) {
            assertThat(s.hasMonths()).as(s.toString()).isFalse();
            assertThat(s.headEnd()).isEqualTo(s.to());
            assertThat(s.tailStart()).isAfter(s.to());
        }
    }

    @Test
    void singleWholeMonthAndYearEnd() {
        MonthSplit s = MonthSplit.of(d("2024-12-01"), d("2024-12-31"));
        assertThat(s.hasMonths()).isTrue();
        assertThat(s.firstMonth()).isEqualTo(s.lastMonth()).isEqualTo(d("2024-12-01"));
        MonthSplit across = MonthSplit.of(d("2024-11-30"), d("2025-01-01"));
        assertThat(across.headEnd()).isEqualTo(d("2024-11-30"));
        assertThat(across.lastMonth()).isEqualTo(d("2024-12-01"));
        assertThat(across.tailStart()).isEqualTo(d("2025-01-01"));
    }
}
