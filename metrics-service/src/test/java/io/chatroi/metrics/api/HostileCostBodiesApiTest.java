package io.chatroi.metrics.api;

import io.chatroi.common.testing.HostileBodies;
import io.chatroi.common.testing.SkipContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile variants of a valid cost, through HTTP: every answer is a 2xx or a 4xx problem, never a 5xx, and a refused
 * cost is not stored (counted by its owner, which only the variants that keep it can store under).
 */
@QuarkusTest
@SkipContractValidation("the bodies break the request schema on purpose; the test checks every answer itself")
class HostileCostBodiesApiTest {

    @Test
    void noCostBodyIsA5xxAndARefusedOneWritesNothing() {
        String owner = "hostile-" + UUID.randomUUID();
        String valid = "{\"category\":\"software\",\"kind\":\"explicit\",\"amount\":99.90,\"periodStart\":\"2024-06-01\","
                + "\"periodEnd\":\"2024-06-30\",\"owner\":\"" + owner + "\",\"description\":\"CRM seats\"}";
        List<String> fields = List.of("category", "kind", "amount", "currency", "periodStart", "periodEnd",
                "campaignId", "hours", "hourlyRate", "description");
        int stored = costsOf(owner);
        int refused = 0;
        for (String body : HostileBodies.variants(valid, fields, 250, 4242)) {
            Response answer = given().contentType("application/json").body(body).post("/api/v1/costs");
            assertThat(answer.statusCode()).as(body).isLessThan(500);
            if (answer.statusCode() >= 400) {
                refused++;
                assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
                assertThat(costsOf(owner)).as("refused, yet stored: " + body).isEqualTo(stored);
            } else {
                stored++;
            }
        }
        assertThat(refused).as("most variants are invalid").isGreaterThan(100);
    }

    private static int costsOf(String owner) {
        return given().queryParam("owner", owner).queryParam("from", "2000-01-01").queryParam("to", "2099-12-31")
                .queryParam("limit", 500).get("/api/v1/costs").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }
}
