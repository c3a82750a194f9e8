package io.chatroi.metrics.recompute;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyScheduleTest {

    private static final NightlySchedule TWO_AM = new NightlySchedule("0 0 2 * * ?");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void firesAtTwoInTheGivenZone() {
        // 02:00 in Shanghai is 18:00 UTC the day before
        assertThat(TWO_AM.dueBetween(Instant.parse("2026-01-04T17:59:00Z"), Instant.parse("2026-01-04T18:00:30Z"),
                SHANGHAI)).isTrue();
        assertThat(TWO_AM.dueBetween(Instant.parse("2026-01-05T01:59:00Z"), Instant.parse("2026-01-05T02:00:30Z"),
                SHANGHAI)).isFalse();
        assertThat(TWO_AM.dueBetween(Instant.parse("2026-01-05T01:59:00Z"), Instant.parse("2026-01-05T02:00:30Z"),
                ZoneId.of("UTC"))).isTrue();
    }

    @Test
    void aFireTimeCountsOnceAtTheEndOfItsInterval() {
        Instant fire = Instant.parse("2026-01-04T18:00:00Z");
        assertThat(TWO_AM.dueBetween(fire.minusSeconds(60), fire, SHANGHAI)).isTrue();
        assertThat(TWO_AM.dueBetween(fire, fire.plusSeconds(60), SHANGHAI)).isFalse();
        assertThat(TWO_AM.dueBetween(fire, fire, SHANGHAI)).isFalse();
    }

    @Test
    void offIsNeverDue() {
        assertThat(new NightlySchedule("off").dueBetween(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"),
                SHANGHAI)).isFalse();
    }
}
