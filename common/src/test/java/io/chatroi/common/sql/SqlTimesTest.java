package io.chatroi.common.sql;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTimesTest {

    @Test
    void bindsTheSameUtcTimestampAsAtOffset() {
        for (String at : new String[]{"2026-12-06T12:34:56.123456789Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"}) {
            Instant instant = Instant.parse(at);
            assertThat(SqlTimes.time(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
            assertThat(SqlTimes.time(instant).toInstant()).isEqualTo(instant);
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(SqlTimes.time(null)).isNull();
    }
}
