package io.chatroi.common.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.Validator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InputRulesTest {

    @Test
    void textRefusesControlCharactersButTabAndNewlineWhereAllowed() {
        assertThat(TextRules.lineProblem("Ann Lee", 200)).isNull();
        assertThat(TextRules.lineProblem("Ann\u0000", 200)).contains("control");
        assertThat(TextRules.lineProblem("Ann\tLee", 200)).contains("control");
        assertThat(TextRules.textProblem("line one\nline two\ttab", 200)).isNull();
        assertThat(TextRules.textProblem("bell\u0007", 200)).contains("control");
        assertThat(TextRules.lineProblem("\ud800 lone surrogate", 200)).contains("control");
        assertThat(TextRules.lineProblem("😀😀", 2)).isNull(); // code points, not UTF-16 units
        assertThat(TextRules.lineProblem("abc", 2)).contains("at most 2");
    }

    @Test
    void ownerNamesCannotCarryTheFilterSeparator() {
        assertThat(TextRules.ownerProblem("Lee Ann")).isNull();
        assertThat(TextRules.ownerProblem("Lee, Ann")).contains("comma");
        assertThat(TextRules.ownerProblem("x".repeat(101))).contains("at most 100");
    }

    @Test
    void moneyFitsItsColumnAndCurrencyBeforeAnythingRescalesIt() {
        assertThat(MoneyRules.problem(new BigDecimal("9999999999999999.99"), "USD")).isNull();
        assertThat(MoneyRules.problem(new BigDecimal("1e16"), "USD")).contains("less than 10^16");
        assertThat(MoneyRules.problem(new BigDecimal("1e20"), "USD")).contains("less than 10^16");
        assertThat(MoneyRules.problem(new BigDecimal("1e999999999"), "USD")).contains("less than 10^16");
        assertThat(MoneyRules.problem(new BigDecimal("1e-999999999"), "USD")).contains("decimal places");
        assertThat(MoneyRules.problem(new BigDecimal("1.50"), "USD")).isNull();
        assertThat(MoneyRules.problem(new BigDecimal("1.500"), "USD")).isNull();
        assertThat(MoneyRules.problem(new BigDecimal("1.005"), "USD")).contains("2 decimal places");
        assertThat(MoneyRules.problem(new BigDecimal("100.5"), "JPY")).contains("no decimals in JPY");
        assertThat(MoneyRules.problem(new BigDecimal("100"), "JPY")).isNull();
        assertThat(MoneyRules.columnProblem(new BigDecimal("12345678901"), 12, 2)).contains("10^10");
    }

    @Test
    void attributesAreBoundedInKeysDepthAndSize() {
        assertThat(check(Map.of("plan", "gold", "seats", 3))).isEmpty();
        assertThat(check(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", 1)))))))
                .extracting(FieldError::message).containsExactly("nests deeper than 4 levels");
        Map<String, Object> many = new java.util.HashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("k" + i, i);
        }
        assertThat(check(many)).extracting(FieldError::message).containsExactly("has more than 100 keys");
        assertThat(check(Map.of("note", "x".repeat(2001)))).extracting(FieldError::field)
                .containsExactly("attributes.note");
        assertThat(check(Map.of("bad\u0000key", "x"))).hasSize(1);
    }

    @Test
    void theBodyBoundaryNamesTheFirstRefusedField() throws Exception {
        record Variant(String name, BigDecimal weight) {
        }
        record Input(String title, List<Variant> variants, Map<String, Object> extra) {
        }
        assertThat(BodyBoundary.problem(new Input("ok", List.of(new Variant("a", BigDecimal.ONE)), Map.of()),
                new StringBuilder(), 0)).isNull();
        assertThat(BodyBoundary.problem(new Input("ok", List.of(new Variant("a\u0000", BigDecimal.ONE)), Map.of()),
                new StringBuilder(), 0)).isEqualTo(new FieldError("variants[0].name",
                "must not contain control characters other than tab and newline"));
        assertThat(BodyBoundary.problem(new Input("ok", List.of(), Map.of("n", new BigDecimal("1e999999999"))),
                new StringBuilder(), 0).field()).isEqualTo("extra.n");
        var patch = new ObjectMapper().readTree("{\"name\":\"x\",\"attributes\":{\"k\\u0000\":1}}");
        assertThat(BodyBoundary.problem(patch, new StringBuilder(), 0).field()).isEqualTo("attributes.k\\u0000");
    }

    private static List<FieldError> check(Map<String, ?> attributes) {
        Validator errors = new Validator();
        AttributeRules.check(errors, "attributes", attributes);
        return errors.errors();
    }
}
