package io.chatroi.metrics.cost;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.testing.SeededCases;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.chatroi.common.testing.HostileValues.decimal;
import static io.chatroi.common.testing.HostileValues.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary amounts, hours and rates (huge exponents included): a field error or a cost the columns hold. */
class CostRulesPropertiesTest {

    private static final BigDecimal PLAUSIBLE = new BigDecimal("1e12");

    @Test
    void anyNumbersAreEitherRefusedOrFitTheColumns() {
        int[] accepted = new int[2];
        SeededCases.check("anyNumbersAreEitherRefusedOrFitTheColumns", 1000, 0xC057L, random -> {
            BigDecimal amount = decimal(random, PLAUSIBLE, 2);
            BigDecimal hours = decimal(random, PLAUSIBLE, 2);
            BigDecimal rate = decimal(random, PLAUSIBLE, 2);
            boolean labour = random.nextBoolean();
            String owner = text(random);
            CostInput input = labour
                    ? new CostInput("labor", null, null, null, LocalDate.of(2026, 1, 1), null, null, owner, hours,
                    rate, null)
                    : new CostInput("software", null, amount, null, LocalDate.of(2026, 1, 1), null, null, owner, null,
                    null, null);
            try {
                CostRules.Valid valid = CostRules.validate(input, "USD");
                assertThat(MoneyRules.columnProblem(valid.amount(), 18, 2)).isNull();
                assertThat(MoneyRules.columnProblem(valid.hours(), 12, 2)).isNull();
                accepted[1]++;
            } catch (ProblemException refused) {
                assertThat(refused.errors()).isNotEmpty();
                accepted[0]++;
            }
        });
        assertThat(accepted).as("refused, accepted: the cases reach both answers").doesNotContain(0);
    }
}
