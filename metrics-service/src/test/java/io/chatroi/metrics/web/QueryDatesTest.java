package io.chatroi.metrics.web;

import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryDatesTest {

    @Test
    void weeksAreRealWeeksOfTheirYear() {
        assertThat(QueryDates.week("2026-W53", "week").from()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(QueryDates.week("2025-W52", "week").from()).isEqualTo(LocalDate.of(2025, 12, 22));
        assertThat(QueryDates.week("2025-W01", "week").from()).isEqualTo(LocalDate.of(2024, 12, 30));
        // 2025 has 52 ISO weeks: W53 is not silently 2026-W01
        for (String week : new String[]{"2025-W53", "2025-W00", "2025-W99"}) {
            assertThatThrownBy(() -> QueryDates.week(week, "week")).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("week");
        }
    }
}
