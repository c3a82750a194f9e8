package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void scaleFollowsTheCurrencysMinorUnit() {
        assertThat(Money.scale("USD")).isEqualTo(2);
        assertThat(Money.scale("EUR")).isEqualTo(2);
        assertThat(Money.scale("JPY")).isZero();
        assertThat(Money.scale("KWD")).isEqualTo(3);
    }

    @Test
    void unknownCodesAndCurrenciesWithoutMinorUnitKeepTwoDecimals() {
        assertThat(Money.scale("XAU")).isEqualTo(2);
        assertThat(Money.scale("NOPE")).isEqualTo(2);
        assertThat(Money.scale(null)).isEqualTo(2);
    }

    @Test
    void roundsHalfUpToTheScale() {
        assertThat(Money.round(new BigDecimal("1234.5"), 0)).isEqualByComparingTo("1235").hasToString("1235");
        assertThat(Money.round(new BigDecimal("10"), 2)).hasToString("10.00");
        assertThat(Money.round(new BigDecimal("0.0005"), 3)).hasToString("0.001");
    }
}
