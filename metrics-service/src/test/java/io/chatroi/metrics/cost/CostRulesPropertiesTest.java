package io.chatroi.metrics.cost;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.problem.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary amounts, hours and rates (huge exponents included): a field error or a cost the columns hold. */
class CostRulesPropertiesTest {

    @Property(tries = 1000)
    void anyNumbersAreEitherRefusedOrFitTheColumns(@ForAll("numbers") BigDecimal amount,
                                                   @ForAll("numbers") BigDecimal hours,
                                                   @ForAll("numbers") BigDecimal rate, @ForAll boolean labour,
                                                   @ForAll String owner) {
        CostInput input = labour
                ? new CostInput("labor", null, null, null, LocalDate.of(2026, 1, 1), null, null, owner, hours, rate, null)
                : new CostInput("software", null, amount, null, LocalDate.of(2026, 1, 1), null, null, owner, null,
                null, null);
        try {
            CostRules.Valid valid = CostRules.validate(input, "USD");
            assertThat(MoneyRules.columnProblem(valid.amount(), 18, 2)).isNull();
            assertThat(MoneyRules.columnProblem(valid.hours(), 12, 2)).isNull();
        } catch (ProblemException refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        Arbitrary<BigDecimal> any = Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.TEN.pow(22))
                .flatMap(unscaled -> Arbitraries.integers().between(-1_000_000_000, 1_000_000_000)
                        .map(scale -> new BigDecimal(unscaled, scale)));
        Arbitrary<BigDecimal> plausible = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e12"))
                .ofScale(2);
        return Arbitraries.oneOf(any, plausible);
    }
}
