package io.chatroi.contacts.contact;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.testing.SeededCases;
import io.chatroi.contacts.deal.DealRules;
import io.chatroi.contacts.deal.DealStage;
import io.chatroi.contacts.deal.DealState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.chatroi.common.testing.HostileValues.decimal;
import static io.chatroi.common.testing.HostileValues.textOrPlain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary Unicode (NUL and control characters included) and arbitrary numbers into the contact and deal rules:
 * they answer with field errors or with values the database can store, and never fail otherwise.
 */
class ContactInputPropertiesTest {

    @Test
    void anyTextIsEitherRefusedOrStorable() {
        int[] accepted = new int[2];
        // each field hostile one time in three, so that some cases pass every rule
        SeededCases.check("anyTextIsEitherRefusedOrStorable", 1000, 0xC0A7AC7L, random -> {
            String name = textOrPlain(random);
            String company = textOrPlain(random);
            String owner = textOrPlain(random);
            Validator errors = new Validator();
            ContactFields fields = ContactFields.from(new ContactInput("+49 30 12345678", name, company, null, null,
                    null, null, owner, null, null, null, null, Map.of(textOrPlain(random), textOrPlain(random)), null),
                    Source.OTHER.wire(), errors);
            accepted[errors.hasErrors() ? 0 : 1]++;
            if (!errors.hasErrors()) {
                for (String value : new String[]{fields.name(), fields.company(), fields.owner()}) {
                    assertThat(value == null || !TextRules.hasControl(value, false)).isTrue();
                }
                assertThat(fields.owner() == null || !fields.owner().contains(",")).isTrue();
            }
        });
        assertThat(accepted).as("refused, accepted: the cases reach both answers").doesNotContain(0);
    }

    @Test
    void anyAmountIsEitherRefusedOrFitsTheColumn() {
        int[] accepted = new int[2];
        SeededCases.check("anyAmountIsEitherRefusedOrFitsTheColumn", 1000, 0xDEA1L, random -> {
            BigDecimal amount = decimal(random, new BigDecimal("1e18"), 3);
            Validator errors = new Validator();
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            DealRules.validate(new DealState(DealStage.WON, at, null, null, at, null, amount, null, "USD"), errors);
            accepted[errors.hasErrors() ? 0 : 1]++;
            if (!errors.hasErrors()) {
                assertThat(MoneyRules.problem(amount, "USD")).isNull();
                // what numeric(18,2) holds: below 10^16 with at most 2 decimals
                assertThat(amount.abs()).isLessThan(BigDecimal.TEN.pow(16));
                assertThat(amount.stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
            }
        });
        assertThat(accepted).as("refused, accepted: the cases reach both answers").doesNotContain(0);
    }
}
