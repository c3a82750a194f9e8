package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class CostApiTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

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
    void theCostListFiltersByRangeCategoryAndKindAndItsCsvHoldsTheWholeList() {
        // July 2019: no other test enters costs then
        String software = cost("software", "2019-07-01", "2019-07-31");
        String labour = cost("labor", "2019-06-20", "2019-07-02");
        String ads = cost("ads", "2019-07-15", "2019-07-15");
        cost("ads", "2019-08-01", "2019-08-31");
        given().get("/api/v1/costs?from=2019-07-01&to=2019-07-31&limit=500").then().statusCode(200)
                .body("items.id", containsInAnyOrder(software, labour, ads));
        given().get("/api/v1/costs?from=2019-07-01&to=2019-07-31&kind=hidden").then().statusCode(200)
                .body("items.id", contains(labour));
        given().get("/api/v1/costs?from=2019-07-01&to=2019-07-31&kind=explicit").then().statusCode(200)
                .body("items.id", containsInAnyOrder(software, ads));
        given().get("/api/v1/costs?from=2019-07-10&to=2019-07-20&category=ads").then().statusCode(200)
                .body("items.id", contains(ads));
        // a page of one, then the CSV of the same filter: every cost, whatever the limit
        given().get("/api/v1/costs?from=2019-07-01&to=2019-07-31&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());
        String csv = given().get("/api/v1/costs?from=2019-07-01&to=2019-07-31&limit=1&format=csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList())
                .containsExactlyInAnyOrder(software, labour, ads);
        String hidden = given().accept("text/csv").get("/api/v1/costs?from=2019-07-01&to=2019-07-31&kind=hidden")
                .then().statusCode(200).extract().asString();
        assertThat(hidden.lines().skip(1).toList()).singleElement().asString().startsWith(labour);
    }

    @Test
    void badCostFiltersAreOne400NamingEach() {
        given().get("/api/v1/costs?from=2019-07-31&to=2019-07-01&category=coffee&kind=secret").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("to", "category", "kind"));
        given().get("/api/v1/costs?from=July&kind=hidden").then().statusCode(400)
                .body("errors.field", contains("from"));
        given().get("/api/v1/costs?format=csv&category=coffee").then().statusCode(400)
                .body("errors.field", contains("category"));
    }

    private static String cost(String category, String start, String end) {
        Map<String, Object> body = category.equals("labor")
                ? Map.of("category", category, "hours", 1, "hourlyRate", 10, "periodStart", start, "periodEnd", end)
                : Map.of("category", category, "amount", 10, "periodStart", start, "periodEnd", end);
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/costs").then().statusCode(201).extract().path("id");
    }

    @Test
    void messageRatesAreData() {
        given().get("/api/v1/message-rates").then().statusCode(200)
                .body("items.find { it.callingCode == '49' && it.category == 'marketing' }.rate", equalTo(0.1365));
        given().contentType(ContentType.JSON).body(Map.of("callingCode", "+49", "category", "service", "rate", -1))
                .post("/api/v1/message-rates").then().statusCode(400)
                .body("errors.field", hasItem("callingCode")).body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("effectiveFrom"));

        // a new price changes past message fees: the days it covers are rebuilt by the next recompute
        java.time.LocalDate today = java.time.LocalDate.now();
        String id = given().contentType(ContentType.JSON).body(Map.of("callingCode", "998", "category", "utility",
                        "rate", 0.01, "effectiveFrom", today.minusDays(3).toString()))
                .post("/api/v1/message-rates").then().statusCode(201).extract().path("id");
        java.util.List<java.time.LocalDate> dirty = pool.query("SELECT day FROM dirty_days WHERE day >= current_date - 3"
                        + " ORDER BY day").execute().await().atMost(java.time.Duration.ofSeconds(10)).stream()
                .map(row -> row.getLocalDate("day")).toList();
        org.assertj.core.api.Assertions.assertThat(dirty).contains(today.minusDays(3), today.minusDays(2),
                today.minusDays(1), today);
        given().delete("/api/v1/message-rates/" + id).then().statusCode(204);
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

    @Test
    void messageFeesComeFromBillableSendsAndTheRateOfTheirDay() {
        given().contentType(ContentType.JSON).body(Map.of("callingCode", "49", "category", "marketing", "rate", 0.2,
                "effectiveFrom", "2026-04-15")).post("/api/v1/message-rates").then().statusCode(201);
        String campaign = Facts.campaign("Priced", "Maria Silva", "reply", 3);
        java.time.Instant apr10 = java.time.Instant.parse("2026-04-10T10:00:00Z");
        java.time.Instant apr20 = java.time.Instant.parse("2026-04-20T10:00:00Z");
        for (int i = 0; i < 21; i++) {
            String phone = i < 10 || i >= 14 ? "+4915112345678" : "+919812345678";
            java.time.Instant at = i >= 14 && i < 19 ? apr20.plusSeconds(i) : apr10.plusSeconds(i);
            Facts.putSend(Facts.send(campaign, "A", null, phone, at, null, null)
                    .put("pricingCategory", i >= 19 ? "utility" : "marketing").put("billable", true));
        }
        Facts.putSend(Facts.send(campaign, "A", null, "+4915112345678", apr10, null, null)
                .put("pricingCategory", "service").put("billable", false));
        Facts.recomputeOk("2026-04-01", "2026-04-30");
        // 10 x 0.1365 (49, before the change) + 4 x 0.0118 (91) + 5 x 0.2 (49, from Apr 15) = 2.4122; 2 utility unpriced
        given().get("/api/v1/roi?from=2026-04-01&to=2026-04-30&campaignId=" + campaign).then().statusCode(200)
                .body("costs.messageFeesFromSends", equalTo(2.41))
                .body("costs.byCategory.message_fees", equalTo(2.41))
                .body("costs.billableMessages", equalTo(21)).body("costs.unpricedBillableMessages", equalTo(2))
                .body("counts.sent", equalTo(22));
        given().get("/api/v1/kpis?from=2026-04-01&to=2026-04-30&groupBy=country&campaignId=" + campaign).then()
                .body("rows.find { it.group == 'IN' }.counts.messageFees", equalTo(0.05))
                .body("rows.find { it.group == 'DE' }.counts.sent", equalTo(18));
    }
}
