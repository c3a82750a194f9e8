package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The lists behind a scorecard row's counts, ROI's value parts and one variant's conversions: after a recompute each
 * holds exactly the rows its number counts, page by page and as CSV, and every bad parameter is named in one 400.
 * Facts of ISO week 2021-W23 (7 to 13 June 2021, instants at mid-day so any test's time zone keeps their days), one
 * owner of their own.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class MeasureListApiTest {

    private static final String OWNER = "Measure Lists";
    private static final String WEEK = "week=2021-W23&owner=" + OWNER;
    private static final String RANGE = "from=2021-06-07&to=2021-06-13&owner=" + OWNER;
    private static String effective;
    private static String referred;
    private static String deep;
    private static String shallow;
    private static String firstOrder;
    private static String earlierOrder;
    private static String repeatOrder;
    private static String laterRepeat;
    private static String inquiryOnly;
    private static String campaign;
    private static boolean seeded;

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
        if (!seeded) {
            facts();
            seeded = true;
        }
    }

    private static void facts() {
        // added in the week, accepted and wrote once (no turn): effective, not deep
        effective = contact("2021-06-08T10:00:00Z", "2021-06-08T10:30:00Z", null);
        Facts.interaction(effective, "inbound", at("2021-06-08T11:00:00Z"), "text");
        // added in the week, referred by the first, never accepted: a referral, not effective
        referred = contact("2021-06-09T10:00:00Z", null, effective);
        // added the week before, three answers to our messages in the week: deep, not added in the week
        deep = contact("2021-06-01T10:00:00Z", "2021-06-01T10:30:00Z", null);
        for (String day : List.of("2021-06-08", "2021-06-09", "2021-06-10")) {
            Facts.interaction(deep, "outbound", at(day + "T12:00:00Z"), "text");
            Facts.interaction(deep, "inbound", at(day + "T12:05:00Z"), "text");
        }
        // added in the week, accepted, two answers: effective, not deep
        shallow = contact("2021-06-10T10:00:00Z", "2021-06-10T10:30:00Z", null);
        for (String day : List.of("2021-06-10", "2021-06-11")) {
            Facts.interaction(shallow, "outbound", at(day + "T13:00:00Z"), "text");
            Facts.interaction(shallow, "inbound", at(day + "T13:05:00Z"), "text");
        }
        // deals (quoted an hour after the inquiry): a first order, and a customer who buys three times in five days
        firstOrder = deal(effective, "2021-06-07T12:00:00Z", "2021-06-09T12:00:00Z", 100, null, "USD");
        earlierOrder = deal(deep, "2021-06-04T12:00:00Z", "2021-06-08T12:00:00Z", 40, null, "USD");
        repeatOrder = deal(deep, "2021-06-10T12:00:00Z", "2021-06-11T12:00:00Z", 60, 20.0, "USD");
        laterRepeat = deal(deep, "2021-06-11T10:00:00Z", "2021-06-11T14:00:00Z", 10, null, "USD");
        // an open inquiry: a lead, nothing else
        inquiryOnly = Facts.putDeal(new JsonObject().put("contactId", shallow).put("stage", "inquiry")
                .put("owner", OWNER).put("inquiryAt", "2021-06-12T12:00:00Z").put("currency", "USD")
                .put("createdAt", "2021-06-12T12:00:00Z"));
        // a win in another currency counts nowhere
        deal(shallow, "2021-06-09T12:00:00Z", "2021-06-12T12:00:00Z", 999, null, "EUR");
        // a reply campaign: variant A converts once, B once, and one send of A is answered too late
        campaign = Facts.campaign("Measure campaign", OWNER, "reply", 2);
        Facts.putSend(Facts.send(campaign, "A", effective, "+4915200000001", at("2021-06-08T12:00:00Z"),
                at("2021-06-08T13:00:00Z"), null));
        Facts.putSend(Facts.send(campaign, "A", deep, "+4915200000002", at("2021-06-08T12:00:00Z"),
                at("2021-06-12T13:00:00Z"), null));
        Facts.putSend(Facts.send(campaign, "B", shallow, "+4915200000003", at("2021-06-10T12:00:00Z"),
                at("2021-06-10T12:30:00Z"), null));
        Facts.recomputeOk("2021-05-25", "2021-06-20");
    }

    @Test
    void eachScorecardCountListsTheContactsAndDealsItCounts() {
        JsonPath card = given().get("/api/v1/scorecards?" + WEEK).then().statusCode(200).extract().jsonPath();
        assertThat(card.getList("rows")).hasSize(1);
        Map<String, List<String>> contacts = Map.of("newEffectiveContacts", List.of(shallow, effective),
                "referrals", List.of(referred), "deepInteractionContacts", List.of(deep));
        contacts.forEach((measure, expected) -> {
            String path = "/api/v1/scorecards/contacts?measure=" + measure + "&" + WEEK;
            List<String> ids = walk(path, "contactId");
            assertThat(ids).as(measure).hasSize(card.getInt("rows[0]." + measure)).containsExactlyElementsOf(expected);
            String csv = given().get(path + "&format=csv").then().statusCode(200).extract().asString();
            assertThat(csv).startsWith("contactId,owner,country,source,createdAt,acceptedAt,referredBy,turns,at\r\n");
            assertThat(csvColumn(csv)).as(measure + " CSV").containsExactlyElementsOf(ids);
        });
        given().get("/api/v1/scorecards/contacts?measure=deepInteractionContacts&" + WEEK).then().statusCode(200)
                .body("items[0].turns", equalTo(3)).body("items[0].createdAt", equalTo("2021-06-01T10:00:00Z"));
        given().get("/api/v1/scorecards/contacts?measure=referrals&" + WEEK).then().statusCode(200)
                .body("items[0].referredBy", equalTo(effective));

        Map<String, List<String>> deals = Map.of("quotesSent", List.of(laterRepeat, repeatOrder, firstOrder),
                "ordersWon", List.of(laterRepeat, repeatOrder, firstOrder, earlierOrder),
                "repurchasingCustomers", List.of(laterRepeat));
        deals.forEach((measure, expected) -> {
            String path = "/api/v1/scorecards/deals?measure=" + measure + "&" + WEEK;
            List<String> ids = walk(path, "dealId");
            assertThat(ids).as(measure).hasSize(card.getInt("rows[0]." + measure)).containsExactlyElementsOf(expected);
            String csv = given().accept("text/csv").get(path).then().statusCode(200).extract().asString();
            assertThat(csv).startsWith("dealId,contactId,owner,campaignId,stage,");
            assertThat(csvColumn(csv)).as(measure + " CSV").containsExactlyElementsOf(ids);
        });
        // the order amount is the won deals' values
        assertThat(sum("/api/v1/scorecards/deals?measure=orderAmount&" + WEEK))
                .isEqualByComparingTo(BigDecimal.valueOf(card.getDouble("rows[0].orderAmount")))
                .isEqualByComparingTo("210");
        // another owner's week holds none of them
        given().get("/api/v1/scorecards/deals?measure=ordersWon&week=2021-W23&owner=" + OWNER + " Other").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void eachRoiValuePartListsTheDealsItSums() {
        JsonPath roi = given().get("/api/v1/roi?" + RANGE).then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> expected = Map.of("direct", List.of(firstOrder, earlierOrder),
                "repeat", List.of(laterRepeat, repeatOrder),
                "leadValue", List.of(inquiryOnly, laterRepeat, repeatOrder, firstOrder));
        expected.forEach((part, deals) -> {
            String path = "/api/v1/roi/deals?part=" + part + "&" + RANGE;
            assertThat(walk(path, "dealId")).as(part).containsExactlyElementsOf(deals);
            assertThat(sum(path)).as(part + " adds up to the part")
                    .isEqualByComparingTo(BigDecimal.valueOf(roi.getDouble("value." + part)));
            String csv = given().get(path + "&format=csv").then().statusCode(200).extract().asString();
            assertThat(csvColumn(csv)).as(part + " CSV").containsExactlyElementsOf(deals);
        });
        assertThat(roi.getDouble("value.direct")).isEqualTo(140.0);
        // a repeat order counts its profit where it has one
        assertThat(roi.getDouble("value.repeat")).isEqualTo(30.0);
        assertThat(roi.getInt("counts.orders") - roi.getInt("counts.repeatOrders")).isEqualTo(2);
        assertThat(roi.getInt("counts.qualifiedLeads")).isEqualTo(4);
    }

    @Test
    void aVariantsConversionsListItsConvertedSends() {
        JsonPath experiment = given().get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .extract().jsonPath();
        for (String variant : List.of("A", "B")) {
            int counted = experiment.getInt("variants.find { it.variant == '" + variant + "' }.conversions");
            String path = "/api/v1/kpis/conversions?campaignId=" + campaign + "&variant=" + variant + "&" + RANGE;
            List<String> sends = walk(path, "sendId");
            assertThat(sends).as(variant).hasSize(counted).hasSize(1);
            given().get(path).then().statusCode(200).body("items[0].variant", equalTo(variant))
                    .body("items[0].contactId", equalTo("A".equals(variant) ? effective : shallow));
        }
    }

    @Test
    void invalidValuesAreNamedInOneProblem() {
        given().get("/api/v1/scorecards/contacts").then().statusCode(400)
                .body("errors.field", equalTo(List.of("measure", "owner")));
        given().get("/api/v1/scorecards/contacts?measure=ordersWon&week=2021-W60&owner=x&limit=0&after=nonsense")
                .then().statusCode(400).body("errors.field", equalTo(List.of("measure", "week", "limit", "after")));
        given().get("/api/v1/scorecards/deals?measure=referrals&week=June&owner=").then().statusCode(400)
                .body("errors.field", equalTo(List.of("measure", "week", "owner")));
        given().get("/api/v1/roi/deals?from=2021-06-13&to=2021-06-07").then().statusCode(400)
                .body("errors.field", equalTo(List.of("part", "to")));
        given().get("/api/v1/roi/deals?part=brand").then().statusCode(400)
                .body("errors[0].field", equalTo("part")).body("errors[0].message", containsString("estimate"));
        given().get("/api/v1/kpis/conversions?variant=A").then().statusCode(400)
                .body("errors.field", equalTo(List.of("variant")));
        given().get("/api/v1/kpis/conversions?campaignId=" + campaign + "&variant=A.B").then().statusCode(400)
                .body("errors.field", equalTo(List.of("variant")));
        given().get("/api/v1/scorecards/deals?measure=ordersWon&" + WEEK + "&format=xml").then().statusCode(400);
    }

    /** Every page of a list, one item at a time, as the values of {@code field}. */
    private static List<String> walk(String path, String field) {
        List<String> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            JsonPath body = given().queryParam("limit", 1).queryParams(after == null ? Map.of() : Map.of("after", after))
                    .get(path).then().statusCode(200).extract().jsonPath();
            out.addAll(body.getList("items." + field, String.class));
            after = body.getString("nextCursor");
            if (after == null) {
                return out;
            }
        }
        throw new AssertionError("more than 100 pages at " + path);
    }

    /** The sum of the value fields of a whole list. */
    private static BigDecimal sum(String path) {
        return given().get(path + "&limit=500").then().statusCode(200).body(startsWith("{"))
                .extract().jsonPath().getList("items.value", Double.class).stream()
                .map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The first column of each data line. */
    private static List<String> csvColumn(String csv) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        lines.remove(0);
        return lines.stream().map(l -> l.split(",", -1)[0]).toList();
    }

    private static String contact(String createdAt, String acceptedAt, String referredBy) {
        JsonObject c = Facts.contact(OWNER, at(createdAt));
        if (acceptedAt != null) {
            c.put("acceptedAt", acceptedAt);
        }
        if (referredBy != null) {
            c.put("referredBy", referredBy);
        }
        return Facts.putContact(c);
    }

    private static String deal(String contactId, String inquiryAt, String wonAt, double amount, Double profit,
                               String currency) {
        JsonObject deal = Facts.wonDeal(contactId, OWNER, at(inquiryAt), at(wonAt), amount, profit);
        deal.put("currency", currency);
        return Facts.putDeal(deal);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
