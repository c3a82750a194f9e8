package io.chatroi.contacts.deal;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.Validator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DealRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static Validator validate(DealState deal) {
        Validator errors = new Validator();
        DealRules.validate(DealRules.withDefaults(deal, T0.plusSeconds(86400 * 10)), errors);
        return errors;
    }

    @Test
    void aWonDealWithItsHistoryIsValid() {
        DealState won = new DealState(DealStage.WON, T0, T0.plusSeconds(3600), new BigDecimal("900"),
                T0.plusSeconds(7200), null, new BigDecimal("850"), new BigDecimal("200"), "USD");
        assertThat(validate(won).hasErrors()).isFalse();
    }

    @Test
    void noWinBeforeTheInquiryAndNoNegativeAmounts() {
        DealState bad = new DealState(DealStage.WON, T0, null, null, T0.minusSeconds(1), null,
                new BigDecimal("-1"), null, "USD");
        assertThat(validate(bad).errors()).extracting(FieldError::field).contains("wonAt", "orderAmount");
    }

    @Test
    void aWinNeedsAnAmountAndAmountsNeedACurrency() {
        DealState noAmount = new DealState(DealStage.WON, T0, null, null, null, null, null, null, null);
        assertThat(validate(noAmount).errors()).extracting(FieldError::field).contains("orderAmount");
        DealState noCurrency = new DealState(DealStage.QUOTED, T0, null, new BigDecimal("5"), null, null, null, null, null);
        assertThat(validate(noCurrency).errors()).extracting(FieldError::field).containsExactly("currency");
    }

    @Test
    void stagesMoveForwardAndWonOrLostAreFinal() {
        assertThat(DealStage.INQUIRY.canMoveTo(DealStage.QUOTED)).isTrue();
        assertThat(DealStage.INQUIRY.canMoveTo(DealStage.WON)).isTrue();
        assertThat(DealStage.QUOTED.canMoveTo(DealStage.INQUIRY)).isFalse();
        assertThat(DealStage.WON.canMoveTo(DealStage.LOST)).isFalse();
        assertThat(DealStage.LOST.canMoveTo(DealStage.WON)).isFalse();
    }

    @Test
    void missingTimestampsAreFilledFromTheStage() {
        DealState filled = DealRules.withDefaults(new DealState(DealStage.QUOTED, null, null, null, null, null, null,
                null, null), T0);
        assertThat(filled.quotedAt()).isEqualTo(T0);
        assertThat(filled.inquiryAt()).isEqualTo(T0);
    }
}
