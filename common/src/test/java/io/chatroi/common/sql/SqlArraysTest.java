package io.chatroi.common.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlArraysTest {

    private record Row(String name, Integer code) {
    }

    @Test
    void aColumnHoldsOneFieldOfEveryRowInOrderNullsIncluded() {
        List<Row> rows = List.of(new Row("a", 1), new Row("b", null), new Row(null, 3));
        assertThat(SqlArrays.column(rows, Row::name, String[]::new)).containsExactly("a", "b", null);
        assertThat(SqlArrays.column(rows, Row::code, Integer[]::new)).containsExactly(1, null, 3);
        assertThat(SqlArrays.column(List.<Row>of(), Row::name, String[]::new)).isEmpty();
    }
}
