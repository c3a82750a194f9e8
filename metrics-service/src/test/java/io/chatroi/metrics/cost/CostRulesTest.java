package io.chatroi.metrics.cost;

import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostRulesTest {

    private static final LocalDate OCT_1 = LocalDate.of(2025, 10, 1);
    private static final LocalDate OCT_31 = LocalDate.of(2025, 10, 31);

    @Test
    void spreadDayByDay() {
        BigDecimal amount = new BigDecimal("310");
        assertThat(CostRules.spread(amount, OCT_1, OCT_31, OCT_1, OCT_31)).isEqualByComparingTo("310");
        assertThat(CostRules.spread(amount, OCT_1, OCT_31, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 31)))
                .isEqualByComparingTo("310");
        assertThat(CostRules.spread(amount, OCT_1, OCT_31, LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 19)))
                .isEqualByComparingTo("100");
        assertThat(CostRules.spread(amount, OCT_1, OCT_31, OCT_31, LocalDate.of(2025, 11, 30)))
                .isEqualByComparingTo("10");
        assertThat(CostRules.spread(amount, OCT_1, OCT_31, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)))
                .isEqualByComparingTo("0");
        assertThat(CostRules.spread(amount, OCT_1, OCT_1, OCT_1, OCT_1)).isEqualByComparingTo("310");
    }

    @Test
    void labourIsHoursTimesRateAndKindDefaultsFromCategory() {
        CostRules.Valid labour = CostRules.validate(new CostInput("labor", null, null, null, OCT_1, null, null, null,
                new BigDecimal("100"), new BigDecimal("15"), null), "USD");
        assertThat(labour.amount()).isEqualByComparingTo("1500");
        assertThat(labour.kind()).isEqualTo("hidden");
        assertThat(labour.periodEnd()).isEqualTo(OCT_1);
        assertThat(CostRules.validate(new CostInput("software", null, new BigDecimal("200"), "usd", OCT_1, OCT_31,
                null, null, null, null, null), "USD").kind()).isEqualTo("explicit");
        assertThat(CostRules.validate(new CostInput("learning", null, BigDecimal.ONE, null, OCT_1, OCT_31, null,
                null, null, null, null), "USD").kind()).isEqualTo("hidden");
        assertThat(CostRules.validate(new CostInput("ads", "hidden", BigDecimal.ONE, null, OCT_1, OCT_31, null,
                null, null, null, null), "USD").kind()).as("an explicit kind wins").isEqualTo("hidden");
        assertThatThrownBy(() -> CostRules.validate(new CostInput("labor", null, new BigDecimal("1"), null, OCT_1,
                null, null, null, new BigDecimal("10"), new BigDecimal("15"), null), "USD"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("amount");
    }

    @Test
    void amountsMustFitTheColumnBeforeAnythingRescalesThem() {
        for (String amount : new String[]{"1e16", "1e20", "1e999999999", "0.001", "1e-999999999"}) {
            assertThatThrownBy(() -> CostRules.validate(new CostInput("software", null, new BigDecimal(amount), null,
                    OCT_1, null, null, null, null, null, null), "USD"))
                    .as(amount).isInstanceOf(ProblemException.class).hasMessageContaining("amount");
        }
        assertThatThrownBy(() -> CostRules.validate(new CostInput("labor", null, null, null, OCT_1, null, null, null,
                new BigDecimal("1e999999999"), new BigDecimal("15"), null), "USD"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("hours");
        assertThatThrownBy(() -> CostRules.validate(new CostInput("labor", null, null, null, OCT_1, null, null, null,
                new BigDecimal("9999999999"), new BigDecimal("9999999999"), null), "USD"))
                .as("hours x rate past the column").isInstanceOf(ProblemException.class).hasMessageContaining("amount");
        assertThat(CostRules.validate(new CostInput("software", null, new BigDecimal("9999999999999999.99"), null,
                OCT_1, null, null, null, null, null, null), "USD").amount()).isEqualByComparingTo("9999999999999999.99");
    }
}
