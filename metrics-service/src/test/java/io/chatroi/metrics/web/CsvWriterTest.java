package io.chatroi.metrics.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() throws Exception {
        String csv = CsvWriter.toCsv(new ObjectMapper().readTree("{\"items\":[{\"campaign\":\"=HYPERLINK(1)\","
                + "\"owner\":\"@boss\",\"delta\":-5,\"text\":\"-5\",\"tags\":[\"+a\",\"b\"]}]}"));
        assertThat(csv.split("\r\n")[1]).isEqualTo("'=HYPERLINK(1),'@boss,-5,-5,'+a;b");
    }
}
