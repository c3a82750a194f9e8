package io.chatroi.gateway.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Last-used times are gathered in memory and written in one statement, not once per request. */
@QuarkusTest
class LastUsedTest {

    @Inject
    KeyAuthenticator authenticator;

    @Inject
    Pool pool;

    @Test
    void usesAreWrittenInOneBatch() {
        String[] ids = new String[2];
        String[] keys = new String[2];
        for (int i = 0; i < 2; i++) {
            var created = given().header("Authorization", "Bearer test-admin-key").contentType("application/json")
                    .body(Map.of("name", "batch " + i, "role", "manager")).post("/api/v1/api-keys").then()
                    .statusCode(201).extract();
            ids[i] = created.path("id");
            keys[i] = created.path("key");
        }
        for (String key : keys) {
            given().header("Authorization", "Bearer " + key).get("/api/v1/api-keys/x").then().statusCode(403);
        }
        assertThat(lastUsed(ids[0])).isNull();
        int written = authenticator.flush().await().atMost(Duration.ofSeconds(5));
        assertThat(written).isGreaterThanOrEqualTo(2);
        assertThat(lastUsed(ids[0])).isNotNull();
        assertThat(lastUsed(ids[1])).isNotNull();
        assertThat(authenticator.flush().await().atMost(Duration.ofSeconds(5))).isZero();
    }

    private OffsetDateTime lastUsed(String id) {
        return pool.preparedQuery("SELECT last_used_at FROM api_keys WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getOffsetDateTime("last_used_at");
    }
}
