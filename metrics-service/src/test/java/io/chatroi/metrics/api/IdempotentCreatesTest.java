package io.chatroi.metrics.api;

import io.chatroi.common.testing.IdempotentCreateCheck;
import io.chatroi.common.testing.IdempotentCreateCheck.Create;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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

    /**
     * A message-rate create that replaces an existing rate (same calling code, category and date) answers that rate's
     * id, and its Idempotency-Key replays that id, not one the claim made up.
     */
    @Test
    void aKeyedReplacementReplaysTheReplacedRate() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        String first = given().contentType(ContentType.JSON).body(Map.of("callingCode", "998", "category", "utility",
                        "rate", 0.01, "effectiveFrom", day))
                .post("/api/v1/message-rates").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> replacement = Map.of("callingCode", "998", "category", "utility", "rate", 0.02,
                "effectiveFrom", day);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(replacement)
                    .post("/api/v1/message-rates").then().statusCode(201)
                    .body("id", equalTo(first)).body("rate", equalTo(0.02f));
        }
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("callingCode", "998", "category", "utility", "rate", 0.03, "effectiveFrom", day))
                .post("/api/v1/message-rates").then().statusCode(422);
        given().delete("/api/v1/message-rates/" + first).then().statusCode(204);
    }

    private static BigDecimal amount() {
        return BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000), 2);
    }
}
