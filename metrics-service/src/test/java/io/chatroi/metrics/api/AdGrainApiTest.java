package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * KPIs by the click-to-WhatsApp ad a contact came through: the referrals arrive through contacts-service's feed
 * (the stand-in's ad-referrals stream), a contact counts under its first ad, and the contacts that came through none
 * form the row "". Facts in July 2021 under an owner of this run only, so no other test's facts are summed.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class AdGrainApiTest {

    private static final String RANGE = "from=2021-07-01&to=2021-07-31";

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    private static void referral(String contactId, String adId, String headline, Instant at) {
        FakeUpstreams.put("ad-referrals", new JsonObject().put("contactId", contactId).put("sourceId", adId)
                .put("sourceType", "ad").put("headline", headline).put("ctwaClid", "ARAkLkA8rmlFeiCktEJQ")
                .put("at", at.toString()));
    }

    @Test
    void kpisGroupByTheFirstAdEachContactCameThroughWithItsHeadlineAsJsonAndCsv() {
        String owner = "Ad Owner " + UUID.randomUUID().toString().substring(0, 8);
        String spring = "1202088382371" + (int) (Math.random() * 90000 + 10000);
        String bulk = "1202088382372" + (int) (Math.random() * 90000 + 10000);
        String campaign = Facts.campaign("Ads July", owner, "reply", 3);
        Instant day = Instant.parse("2021-07-05T09:00:00Z");
        String first = Facts.putContact(Facts.contact(owner, day));
        String second = Facts.putContact(Facts.contact(owner, day.plusSeconds(60)));
        String switched = Facts.putContact(Facts.contact(owner, day.plusSeconds(120)));
        String none = Facts.putContact(Facts.contact(owner, day.plusSeconds(180)));
        referral(first, spring, "LED bulbs for wholesalers", day.plusSeconds(10));
        referral(second, spring, "LED bulbs for wholesalers", day.plusSeconds(70));
        // a contact that came through the bulk ad first and the spring ad later counts under the bulk ad
        referral(switched, bulk, "Bulk orders ship free", day.plusSeconds(130));
        referral(switched, spring, "LED bulbs for wholesalers", day.plusSeconds(86_400));
        Instant sent = Instant.parse("2021-07-07T10:00:00Z");
        Facts.putSend(Facts.send(campaign, "A", first, "+4915112345678", sent, sent.plusSeconds(600), null));
        Facts.putSend(Facts.send(campaign, "B", second, "+4915112345679", sent, null, null));
        Facts.putSend(Facts.send(campaign, "A", switched, "+4915112345670", sent, sent.plusSeconds(900), null));
        Facts.putSend(Facts.send(campaign, "B", none, "+4915112345671", sent, null, null));
        Facts.wonDeal(first, owner, Instant.parse("2021-07-08T09:00:00Z"), Instant.parse("2021-07-09T09:00:00Z"),
                250, null);
        Facts.recomputeOk("2021-07-01", "2021-07-31");

        Map<String, Map<String, Object>> rows = rows(owner);
        assertThat(rows).containsOnlyKeys(spring, bulk, "");
        assertThat(rows.get(spring).get("name")).isEqualTo("LED bulbs for wholesalers");
        assertThat(rows.get(bulk).get("name")).isEqualTo("Bulk orders ship free");
        assertThat(rows.get("").get("name")).isNull();
        assertThat(counts(rows.get(spring))).containsEntry("sent", 2.0).containsEntry("replied", 1.0)
                .containsEntry("recipients", 2.0).containsEntry("orders", 1.0).containsEntry("revenue", 250.0)
                .containsEntry("contactsAdded", 2.0);
        assertThat(counts(rows.get(bulk))).containsEntry("sent", 1.0).containsEntry("replied", 1.0)
                .containsEntry("orders", 0.0).containsEntry("contactsAdded", 1.0);
        assertThat(counts(rows.get(""))).containsEntry("sent", 1.0).containsEntry("replied", 0.0)
                .containsEntry("contactsAdded", 1.0);
        // the rows add up to the report's total, as the country and source rows do
        Map<String, Object> total = given().get("/api/v1/kpis?" + RANGE + "&owner=" + owner).then().statusCode(200)
                .extract().jsonPath().getMap("rows[0].counts");
        assertThat(((Number) total.get("sent")).doubleValue()).isEqualTo(4.0);

        given().accept("text/csv").get("/api/v1/kpis?" + RANGE + "&groupBy=ad&owner=" + owner).then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString(spring + ",LED bulbs for wholesalers,2,"));

        // a referral that arrives later moves its contact's counts to the ad once the days are recomputed
        referral(none, bulk, "Bulk orders ship free", day.plusSeconds(200));
        Facts.recomputeOk("2021-07-01", "2021-07-31");
        Map<String, Map<String, Object>> after = rows(owner);
        assertThat(after).containsOnlyKeys(spring, bulk);
        assertThat(counts(after.get(bulk))).containsEntry("sent", 2.0).containsEntry("contactsAdded", 2.0);
    }

    @Test
    void anAdGroupingIsOfferedAndAnUnknownOneNamesIt() {
        given().get("/api/v1/kpis?" + RANGE + "&groupBy=ad").then().statusCode(200)
                .body("groupBy", org.hamcrest.Matchers.equalTo("ad"));
        given().get("/api/v1/kpis?" + RANGE + "&groupBy=ads").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"))
                .body("errors[0].message", containsString("ad"));
    }

    private static Map<String, Map<String, Object>> rows(String owner) {
        List<Map<String, Object>> rows = given().get("/api/v1/kpis?" + RANGE + "&groupBy=ad&owner=" + owner).then()
                .statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Map<String, Object>> out = new TreeMap<>();
        rows.forEach(row -> out.put((String) row.get("group"), row));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> counts(Map<String, Object> row) {
        Map<String, Double> out = new TreeMap<>();
        ((Map<String, Object>) row.get("counts")).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }
}
