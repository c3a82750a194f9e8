package io.chatroi.common.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatTest {

    @Test
    void oneParsableObjectPerLineWithTheCorrelationIds() throws Exception {
        MDC.put("requestId", "req-1");
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("spanId", "00f067aa0ba902b7");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "said \"hi\"\n\tthen %s", ExtLogRecord.FormatStyle.PRINTF,
                    JsonLogFormatTest.class.getName());
            record.setParameters(new Object[]{"left\u0001"});
            record.setLoggerName("io.chatroi.test");
            record.copyMdc();
            String line = new JsonLogFormat("contacts-service").format(record);

            assertThat(line).endsWith("}\n").doesNotContain("\n\t");
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("WARNING");
            assertThat(json.path("service").asText()).isEqualTo("contacts-service");
            assertThat(json.path("message").asText()).isEqualTo("said \"hi\"\n\tthen left\u0001");
            assertThat(json.path("requestId").asText()).isEqualTo("req-1");
            assertThat(json.path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(json.path("spanId").asText()).isEqualTo("00f067aa0ba902b7");
        } finally {
            MDC.clear();
        }
    }

    @Test
    void withoutARequestTheIdsAreLeftOutAndStackTracesAreOneField() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "boom", JsonLogFormatTest.class.getName());
        record.setThrown(new IllegalStateException("broken"));
        record.copyMdc();
        JsonNode json = new ObjectMapper().readTree(new JsonLogFormat("gateway").format(record));
        assertThat(json.has("requestId")).isFalse();
        assertThat(json.path("exception").asText()).contains("IllegalStateException: broken");
    }
}
