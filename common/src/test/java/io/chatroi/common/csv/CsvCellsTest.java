package io.chatroi.common.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void formulaCellsGetALeadingQuoteAndNumbersDoNot() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.neutralise("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("-5")).isEqualTo("-5");
        assertThat(CsvCells.neutralise("+4930123456")).isEqualTo("+4930123456");
        assertThat(CsvCells.neutralise("12.50")).isEqualTo("12.50");
        assertThat(CsvCells.neutralise("Ann")).isEqualTo("Ann");
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(null)).isNull();
    }

    @Test
    void restoringGivesBackEveryOriginal() {
        for (String original : new String[]{"=1+1", "'=1+1", "''=x", "'hello", "'", "-5", "'-5", "@x", "plain",
                "", "+4930123456", "-", "'+"}) {
            assertThat(CsvCells.restore(CsvCells.neutralise(original))).as(original).isEqualTo(original);
        }
    }
}
