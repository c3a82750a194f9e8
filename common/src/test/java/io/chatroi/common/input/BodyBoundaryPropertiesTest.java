package io.chatroi.common.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.common.csv.CsvCells;
import io.chatroi.common.testing.SeededCases;
import org.junit.jupiter.api.Test;

import static io.chatroi.common.testing.HostileValues.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary Unicode and deep JSON against the body boundary, and the CSV round trip on arbitrary text. */
class BodyBoundaryPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBodyPassesOnlyWithoutControlCharacters() {
        int[] passed = new int[2];
        SeededCases.check("aBodyPassesOnlyWithoutControlCharacters", 500, 0x11B0D1L, random -> {
            String key = text(random);
            String value = text(random);
            int depth = random.nextInt(61);
            JsonNode node = JsonNodeFactory.instance.textNode(value);
            for (int i = 0; i < depth; i++) {
                ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                wrapper.set(i == 0 ? key : "n", node);
                node = wrapper;
            }
            io.chatroi.common.problem.FieldError problem;
            try {
                problem = BodyBoundary.problem(JSON.readTree(node.toString()), new StringBuilder(), 0);
            } catch (java.io.IOException e) {
                throw new AssertionError("Jackson could not read what it wrote", e);
            }
            passed[problem == null ? 1 : 0]++;
            if (problem == null) {
                assertThat(TextRules.hasControl(value, true)).isFalse();
                assertThat(depth).isLessThanOrEqualTo(BodyBoundary.MAX_DEPTH + 1);
            } else {
                assertThat(problem.field()).isNotEmpty();
            }
        });
        assertThat(passed).as("refused, passed: the cases reach both answers").doesNotContain(0);
    }

    @Test
    void anyExportedCellImportsBackAsItWas() {
        SeededCases.check("anyExportedCellImportsBackAsItWas", 1000, 0xC5FL, random -> {
            String value = text(random);
            assertThat(CsvCells.restore(CsvCells.neutralise(value))).isEqualTo(value);
            String cell = CsvCells.neutralise(value);
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0
                    || cell.matches("[+-]?[0-9]+([.][0-9]+)?")).isTrue();
        });
    }
}
