package io.chatroi.contacts.contact;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.deal.DealRules;
import io.chatroi.contacts.deal.DealStage;
import io.chatroi.contacts.deal.DealState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary Unicode (NUL and control characters included) and arbitrary numbers into the contact and deal rules:
 * they answer with field errors or with values the database can store, and never fail otherwise.
 */
class ContactInputPropertiesTest {

    @Property(tries = 500)
    void anyTextIsEitherRefusedOrStorable(@ForAll String name, @ForAll String company, @ForAll String owner,
                                          @ForAll String attributeKey, @ForAll String attributeValue) {
        Validator errors = new Validator();
        ContactFields fields = ContactFields.from(new ContactInput("+49 30 12345678", name, company, null, null,
                null, null, owner, null, null, null, null, Map.of(attributeKey, attributeValue), null), Source.OTHER.wire(),
                errors);
        if (!errors.hasErrors()) {
            for (String text : new String[]{fields.name(), fields.company(), fields.owner()}) {
                assertThat(text == null || !TextRules.hasControl(text, false)).isTrue();
            }
            assertThat(fields.owner() == null || !fields.owner().contains(",")).isTrue();
        }
    }

    @Property(tries = 1000)
    void anyAmountIsEitherRefusedOrFitsTheColumn(@ForAll("amounts") BigDecimal amount) {
        Validator errors = new Validator();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        DealRules.validate(new DealState(DealStage.WON, at, null, null, at, null, amount, null, "USD"), errors);
        if (!errors.hasErrors()) {
            assertThat(MoneyRules.problem(amount, "USD")).isNull();
            // what numeric(18,2) holds: below 10^16 with at most 2 decimals
            assertThat(amount.abs()).isLessThan(BigDecimal.TEN.pow(16));
            assertThat(amount.stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> any = Arbitraries.bigIntegers().between(java.math.BigInteger.valueOf(-1_000_000_000L),
                java.math.BigInteger.TEN.pow(25)).flatMap(unscaled -> Arbitraries.integers()
                .between(-1_000_000_000, 1_000_000_000).map(scale -> new BigDecimal(unscaled, scale)));
        Arbitrary<BigDecimal> plausible = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e18"))
                .ofScale(3);
        return Arbitraries.oneOf(any, plausible);
    }
}
