package io.chatroi.common.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.common.csv.CsvCells;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary Unicode and deep JSON against the body boundary, and the CSV round trip on arbitrary text. */
class BodyBoundaryPropertiesTest {

    @Property(tries = 500)
    void aBodyPassesOnlyWithoutControlCharacters(@ForAll String key, @ForAll String value,
                                                 @ForAll @IntRange(min = 0, max = 60) int depth) throws Exception {
        JsonNode node = JsonNodeFactory.instance.textNode(value);
        for (int i = 0; i < depth; i++) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set(i == 0 ? key : "n", node);
            node = wrapper;
        }
        var problem = BodyBoundary.problem(new ObjectMapper().readTree(node.toString()), new StringBuilder(), 0);
        if (problem == null) {
            assertThat(TextRules.hasControl(value, true)).isFalse();
            assertThat(depth).isLessThanOrEqualTo(BodyBoundary.MAX_DEPTH + 1);
        } else {
            assertThat(problem.field()).isNotEmpty();
        }
    }

    @Property(tries = 1000)
    void anyExportedCellImportsBackAsItWas(@ForAll String value) {
        assertThat(CsvCells.restore(CsvCells.neutralise(value))).isEqualTo(value);
        String cell = CsvCells.neutralise(value);
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || cell.matches("[+-]?[0-9]+([.][0-9]+)?"))
                .isTrue();
    }
}
