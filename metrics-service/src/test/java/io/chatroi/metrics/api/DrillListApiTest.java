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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The lists behind the funnel's stages and the conversions and revenue tiles: after a recompute each list holds
 * exactly the number it stands for, page by page and as CSV. Facts of May 2021, one owner of their own.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class DrillListApiTest {

    private static final String OWNER = "Drill Lists";
    private static final String RANGE = "from=2021-05-01&to=2021-05-31&owner=" + OWNER;
    private static final String FUNNEL_LIST = "/api/v1/funnel/contacts";
    private static String interactOnly;
    private static String buyer;
    private static String repeatBuyer;
    private static String idle;
    private static boolean seeded;

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
        if (!seeded) {
            facts();
            seeded = true;
        }
    }

    /** Once for the class, when the application runs (a static @BeforeAll runs before it starts). */
    private static void facts() {
        // accepted and wrote: interact only
        interactOnly = contact("2021-05-10T08:00:00Z", "2021-05-10T09:00:00Z");
        Facts.interaction(interactOnly, "inbound", at("2021-05-11T10:00:00Z"), "text");
        // accepted, wrote, won once: interact and convert
        buyer = contact("2021-05-11T08:00:00Z", "2021-05-11T09:00:00Z");
        Facts.interaction(buyer, "inbound", at("2021-05-11T10:00:00Z"), "text");
        Facts.wonDeal(buyer, OWNER, at("2021-05-12T08:00:00Z"), at("2021-05-13T08:00:00Z"), 100, null);
        // never accepted, won twice within the repurchase window: convert and retain, not interact
        repeatBuyer = contact("2021-05-12T08:00:00Z", null);
        Facts.interaction(repeatBuyer, "inbound", at("2021-05-12T10:00:00Z"), "text");
        Facts.wonDeal(repeatBuyer, OWNER, at("2021-05-13T08:00:00Z"), at("2021-05-14T08:00:00Z"), 50, null);
        Facts.wonDeal(repeatBuyer, OWNER, at("2021-05-20T08:00:00Z"), at("2021-05-21T08:00:00Z"), 70.5, null);
        // accepted, only a reaction (no turn): reach only
        idle = contact("2021-05-13T08:00:00Z", "2021-05-13T09:00:00Z");
        Facts.interaction(idle, "inbound", at("2021-05-13T10:00:00Z"), "reaction");
        // added in April: not in May's cohort, though it wrote and won in May
        String april = contact("2021-04-30T08:00:00Z", "2021-04-30T09:00:00Z");
        Facts.interaction(april, "inbound", at("2021-05-02T10:00:00Z"), "text");
        Facts.wonDeal(april, OWNER, at("2021-05-02T08:00:00Z"), at("2021-05-03T08:00:00Z"), 30, null);
        // a reply campaign: two sends replied within the window convert, one late reply and one silence do not
        String campaign = Facts.campaign("Drill campaign", OWNER, "reply", 2);
        Facts.putSend(Facts.send(campaign, "A", interactOnly, "+4915100000001", at("2021-05-15T08:00:00Z"),
                at("2021-05-15T09:00:00Z"), null));
        Facts.putSend(Facts.send(campaign, "B", buyer, "+4915100000002", at("2021-05-16T08:00:00Z"),
                at("2021-05-17T09:00:00Z"), null));
        Facts.putSend(Facts.send(campaign, "A", repeatBuyer, "+4915100000003", at("2021-05-16T08:00:00Z"),
                at("2021-05-25T09:00:00Z"), null));
        Facts.putSend(Facts.send(campaign, "B", idle, "+4915100000004", at("2021-05-17T08:00:00Z"), null, null));
        Facts.recomputeOk("2021-04-01", "2021-05-31");
    }

    @Test
    void eachFunnelStageListsTheContactsItCounts() {
        JsonPath funnel = given().get("/api/v1/funnel?" + RANGE).then().statusCode(200).extract().jsonPath();
        assertThat(funnel.getList("stages.count", Integer.class)).containsExactly(4, 2, 2, 1);
        Map<String, List<String>> expected = Map.of("reach", List.of(idle, repeatBuyer, buyer, interactOnly),
                "interact", List.of(buyer, interactOnly), "convert", List.of(repeatBuyer, buyer),
                "retain", List.of(repeatBuyer));
        for (int i = 0; i < 4; i++) {
            String stage = funnel.getString("stages[" + i + "].stage");
            List<String> ids = walk(FUNNEL_LIST + "?stage=" + stage + "&" + RANGE, "contactId");
            assertThat(ids).as(stage).hasSize(funnel.getInt("stages[" + i + "].count"))
                    .containsExactlyElementsOf(expected.get(stage));
            String csv = given().get(FUNNEL_LIST + "?format=csv&stage=" + stage + "&" + RANGE).then().statusCode(200)
                    .extract().asString();
            assertThat(csv).startsWith("contactId,owner,country,source,createdAt,acceptedAt\r\n");
            assertThat(csvColumn(csv)).as(stage + " CSV").containsExactlyElementsOf(ids);
        }
        given().get(FUNNEL_LIST + "?stage=interact&" + RANGE).then().statusCode(200)
                .body("items[0].owner", equalTo(OWNER)).body("items[0].createdAt", equalTo("2021-05-11T08:00:00Z"))
                .body("items[0].acceptedAt", equalTo("2021-05-11T09:00:00Z")).body("nextCursor", nullValue());
        // another owner's view of the same days holds none of them
        given().get(FUNNEL_LIST + "?stage=reach&from=2021-05-01&to=2021-05-31&owner=" + OWNER + " Other").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void conversionsAndRevenueListTheSendsAndDealsTheTilesCount() {
        JsonPath kpis = given().get("/api/v1/kpis?" + RANGE).then().statusCode(200).extract().jsonPath();
        assertThat(kpis.getInt("rows[0].counts.conversions")).isEqualTo(2);
        assertThat(kpis.getInt("rows[0].counts.orders")).isEqualTo(4);
        List<String> sends = walk("/api/v1/kpis/conversions?" + RANGE, "sendId");
        assertThat(sends).hasSize(kpis.getInt("rows[0].counts.conversions"));
        given().get("/api/v1/kpis/conversions?" + RANGE).then().statusCode(200)
                .body("items.contactId", equalTo(List.of(buyer, interactOnly)))
                .body("items[0].goal", equalTo("reply")).body("items[0].campaignName", equalTo("Drill campaign"))
                .body("items[0].sentAt", equalTo("2021-05-16T08:00:00Z"));
        String sendsCsv = given().get("/api/v1/kpis/conversions?format=csv&" + RANGE).then().statusCode(200)
                .body(startsWith("sendId,campaignId,campaignName,variant,contactId,owner,goal,sentAt\r\n"))
                .extract().asString();
        assertThat(csvColumn(sendsCsv)).containsExactlyElementsOf(sends);

        List<String> deals = walk("/api/v1/kpis/won-deals?" + RANGE, "dealId");
        assertThat(deals).hasSize(kpis.getInt("rows[0].counts.orders"));
        List<Double> amounts = given().get("/api/v1/kpis/won-deals?limit=500&" + RANGE).then().statusCode(200)
                .body("items.contactId", hasItem(repeatBuyer)).extract().jsonPath()
                .getList("items.orderAmount", Double.class);
        BigDecimal sum = amounts.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(BigDecimal.valueOf(kpis.getDouble("rows[0].counts.revenue")))
                .isEqualByComparingTo("250.5");
        String dealsCsv = given().accept("text/csv").get("/api/v1/kpis/won-deals?" + RANGE).then().statusCode(200)
                .extract().asString();
        assertThat(csvColumn(dealsCsv)).containsExactlyElementsOf(deals);
    }

    @Test
    void invalidValuesAreNamedInOneProblem() {
        given().get(FUNNEL_LIST + "?" + RANGE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("stage")));
        given().get(FUNNEL_LIST + "?stage=bought&from=2021-13-01&limit=0&after=nonsense").then().statusCode(400)
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("from", "stage", "limit", "after")));
        given().get(FUNNEL_LIST + "?stage=reach&from=2021-05-31&to=2021-05-01").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
        given().get("/api/v1/kpis/conversions?campaignId=x&limit=many").then().statusCode(400)
                .body("errors.field", equalTo(List.of("campaignId", "limit")));
        given().get("/api/v1/kpis/won-deals?limit=501").then().statusCode(400)
                .body("errors.field", equalTo(List.of("limit")));
        given().get("/api/v1/kpis/won-deals?format=xml").then().statusCode(400);
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

    /** The first column of each data line. */
    private static List<String> csvColumn(String csv) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        lines.remove(0);
        return lines.stream().map(l -> l.split(",", -1)[0]).toList();
    }

    private static String contact(String createdAt, String acceptedAt) {
        JsonObject c = Facts.contact(OWNER, at(createdAt));
        if (acceptedAt != null) {
            c.put("acceptedAt", acceptedAt);
        }
        return Facts.putContact(c);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
