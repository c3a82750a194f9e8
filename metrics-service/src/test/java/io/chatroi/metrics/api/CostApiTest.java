package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class CostApiTest {

    @org.junit.jupiter.api.BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void labourIsHoursTimesRateAndHidden() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("category", "labor", "hours", 100, "hourlyRate", 15, "periodStart", "2024-03-01",
                        "periodEnd", "2024-03-31", "owner", "Zhang San"))
                .post("/api/v1/costs").then().statusCode(201)
                .header("Location", containsString("/api/v1/costs/"))
                .body("amount", equalTo(1500.00)).body("kind", equalTo("hidden")).body("currency", equalTo("USD"))
                .extract().path("id");
        given().get("/api/v1/costs/" + id).then().statusCode(200).body("hours", equalTo(100.0))
                .body("periodEnd", equalTo("2024-03-31"));
        given().get("/api/v1/costs?from=2024-03-10&to=2024-03-12&owner=Zhang San").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().contentType(ContentType.JSON).body(Map.of("category", "software", "amount", 200,
                "periodStart", "2024-03-01")).put("/api/v1/costs/" + id).then().statusCode(200)
                .body("kind", equalTo("explicit")).body("periodEnd", equalTo("2024-03-01"));
        given().delete("/api/v1/costs/" + id).then().statusCode(204);
        given().get("/api/v1/costs/" + id).then().statusCode(404);
    }

    @Test
    void invalidCostsListEveryMistake() {
        given().contentType(ContentType.JSON)
                .body(Map.of("category", "coffee", "amount", -5, "currency", "EUR", "periodStart", "2024-03-05",
                        "periodEnd", "2024-03-01"))
                .post("/api/v1/costs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("amount"))
                .body("errors.field", hasItem("currency")).body("errors.field", hasItem("periodEnd"));
        given().contentType(ContentType.JSON).body(Map.of("category", "labor", "hours", 10, "periodStart", "2024-03-05"))
                .post("/api/v1/costs").then().statusCode(400).body("errors.field", hasItem("hourlyRate"));
    }

    @Test
    void idempotencyKeyReplaysTheCreate() {
        Map<String, Object> body = Map.of("category", "data", "amount", 100, "periodStart", "2024-04-01");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "cost-k-" + System.nanoTime())
                .body(body).post("/api/v1/costs").then().statusCode(201).extract().header("Location");
        String key = "cost-k2-" + System.nanoTime();
        String a = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/costs").then().statusCode(201).extract().path("id");
        String b = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/costs").then().statusCode(201).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(b).isEqualTo(a);
        org.assertj.core.api.Assertions.assertThat(first).isNotBlank();
    }

    @Test
    void costsAsCsv() {
        given().contentType(ContentType.JSON).body(Map.of("category", "ads", "amount", 42.5, "periodStart", "2024-05-02",
                "description", "Click-to-WhatsApp, \"spring\"")).post("/api/v1/costs").then().statusCode(201);
        given().get("/api/v1/costs?from=2024-05-01&to=2024-05-31&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("id,category,kind,amount,currency,periodStart"))
                .body(containsString("ads,explicit,42.50,USD,2024-05-02,2024-05-02"))
                .body(containsString("\"Click-to-WhatsApp, \"\"spring\"\"\""));
        given().accept("text/csv").get("/api/v1/costs?from=2024-05-01&to=2024-05-31").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().get("/api/v1/costs?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    @Test
    void messageRatesAreData() {
        given().get("/api/v1/message-rates").then().statusCode(200)
                .body("items.find { it.callingCode == '49' && it.category == 'marketing' }.rate", equalTo(0.1365));
        given().contentType(ContentType.JSON).body(Map.of("callingCode", "+49", "category", "service", "rate", -1))
                .post("/api/v1/message-rates").then().statusCode(400)
                .body("errors.field", hasItem("callingCode")).body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("effectiveFrom"));
    }

    @Test
    void settingsChangeAndValidate() {
        given().get("/api/v1/settings").then().statusCode(200).body("currency", equalTo("USD"))
                .body("repurchaseDays", equalTo(180)).body("activityDays", equalTo(90))
                .body("scorecardWeights.result", equalTo(0.5));
        given().contentType(ContentType.JSON).body(Map.of("timeZone", "Mars/Olympus", "attributionDays", 0,
                        "scorecardWeights", Map.of("luck", 1)))
                .put("/api/v1/settings").then().statusCode(400)
                .body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("attributionDays"))
                .body("errors.field", hasItem("scorecardWeights.luck"));
        given().contentType(ContentType.JSON).body(Map.of("valuePerLead", 0))
                .put("/api/v1/settings").then().statusCode(200).body("timeZone", equalTo("UTC"));
    }
}
