package io.chatroi.gateway.api;

import io.chatroi.common.testing.IdempotentCreateCheck;
import io.chatroi.common.testing.IdempotentCreateCheck.Create;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The gateway's own create honours Idempotency-Key; a key's secret is shown once, so a replay is a 409. */
@QuarkusTest
class IdempotentCreatesTest {

    static Stream<Create> creates() {
        return Stream.of(IdempotentCreateCheck.of("/api/v1/api-keys",
                () -> Map.of("name", "idempotent " + UUID.randomUUID(), "role", "viewer")).secretShownOnce());
    }

    @ParameterizedTest
    @MethodSource("creates")
    void replaysTheFirstAnswerAndRefusesAnotherBody(Create create) {
        IdempotentCreateCheck.check(create, () -> Keys.as(Keys.ADMIN));
    }
}
