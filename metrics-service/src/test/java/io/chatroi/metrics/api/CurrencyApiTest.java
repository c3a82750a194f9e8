package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Money in reports is the workspace currency's: other currencies are never added to it, and scale follows it. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class CurrencyApiTest {

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void dealsInAnotherCurrencyAreLeftOutOfRevenueAndCounted() {
        String owner = "Currency " + UUID.randomUUID();
        Facts.wonDeal(UUID.randomUUID().toString(), owner, Instant.parse("2024-02-05T08:00:00Z"),
                Instant.parse("2024-02-06T08:00:00Z"), 1000, null);
        JsonObject euros = Facts.wonDeal(UUID.randomUUID().toString(), owner, Instant.parse("2024-02-05T09:00:00Z"),
                Instant.parse("2024-02-07T08:00:00Z"), 5000, null);
        FakeUpstreams.put("deals", euros.put("currency", "EUR"));
        Facts.recomputeOk("2024-02-01", "2024-02-29");

        given().get("/api/v1/roi?from=2024-02-01&to=2024-02-29&owner=" + owner).then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("counts.orders", equalTo(1))
                .body("counts.revenue", equalTo(1000.0))
                .body("otherCurrencyDeals.orders", equalTo(1))
                .body("otherCurrencyDeals.currencies", equalTo(List.of("EUR")));
        given().get("/api/v1/kpis?from=2024-02-01&to=2024-02-29&owner=" + owner).then().statusCode(200)
                .body("rows[0].counts.orders", equalTo(1))
                .body("rows[0].counts.revenue", equalTo(1000.0))
                .body("rows[0].kpis.averageOrderValue.value", equalTo(1000.0));
    }

    @Test
    void amountsHaveTheScaleOfTheWorkspaceCurrency() {
        String owner = "Yen " + UUID.randomUUID();
        JsonObject yen = Facts.wonDeal(UUID.randomUUID().toString(), owner, Instant.parse("2024-04-02T08:00:00Z"),
                Instant.parse("2024-04-03T08:00:00Z"), 123456, null);
        FakeUpstreams.put("deals", yen.put("currency", "JPY"));
        try {
            given().contentType(ContentType.JSON).body(Map.of("currency", "JPY")).put("/api/v1/settings")
                    .then().statusCode(200);
            Facts.recomputeOk("2024-04-01", "2024-04-30");
            given().get("/api/v1/kpis?from=2024-04-01&to=2024-04-30&owner=" + owner).then().statusCode(200)
                    .body("currency", equalTo("JPY"))
                    .body(containsString("\"revenue\":123456,"));
            given().get("/api/v1/roi?from=2024-04-01&to=2024-04-30&owner=" + owner + "&format=csv").then()
                    .statusCode(200).body(containsString(",JPY,revenue,0,0,0,0,"));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of("currency", "USD")).put("/api/v1/settings")
                    .then().statusCode(200);
        }
    }
}
