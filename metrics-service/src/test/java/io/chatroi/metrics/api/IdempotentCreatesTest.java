package io.chatroi.metrics.api;

import io.chatroi.common.testing.IdempotentCreateCheck;
import io.chatroi.common.testing.IdempotentCreateCheck.Create;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Every create of metrics-service honours Idempotency-Key: one line per create, each body new and valid. */
@QuarkusTest
class IdempotentCreatesTest {

    static Stream<Create> creates() {
        return Stream.of(
                IdempotentCreateCheck.of("/api/v1/costs", () -> Map.of("category", "data",
                        "amount", amount(), "periodStart", "2024-04-01")),
                // calling code 999 is nobody's: the rate moves no figure another test reads
                IdempotentCreateCheck.of("/api/v1/message-rates", () -> Map.of("callingCode", "999",
                        "category", "marketing", "rate", amount(),
                        "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString())));
    }

    @ParameterizedTest
    @MethodSource("creates")
    void replaysTheFirstAnswerAndRefusesAnotherBody(Create create) {
        IdempotentCreateCheck.check(create);
    }

    private static BigDecimal amount() {
        return BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000), 2);
    }
}
