package io.chatroi.metrics.api;

import io.chatroi.metrics.report.MonthSplit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reports over ranges with whole months read those months from the monthly rollups; the same numbers must come out
 * day by day. Each range here is compared with the sum of sub-ranges that hold no whole month (read day by day).
 * Facts in 2023 only, so the other tests' facts (2025) stay out of these ranges.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class RollupApiTest {

    private static final String WHOLE = "from=2023-01-25&to=2023-04-03";
    private static final List<String> PARTS = List.of("from=2023-01-25&to=2023-02-14",
            "from=2023-02-15&to=2023-03-14", "from=2023-03-15&to=2023-04-03");

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void rangeAcrossMonthBoundariesGivesTheSameNumbersFromRollupsAsDayByDay() {
        assertThat(MonthSplit.of(LocalDate.parse("2023-01-25"), LocalDate.parse("2023-04-03")).hasMonths()).isTrue();
        for (String part : PARTS) {
            String[] ends = part.replace("from=", "").split("&to=");
            assertThat(MonthSplit.of(LocalDate.parse(ends[0]), LocalDate.parse(ends[1])).hasMonths()).isFalse();
        }
        String[] owners = {"Rollup Ann", "Rollup Ben", "Rollup Cho"};
        String[] countries = {"DE", "BR", "IN", "US"};
        String spring = Facts.campaign("Rollup spring", "Rollup Ann", "reply", 3);
        String promo = Facts.campaign("Rollup promo", "Rollup Ben", "click", 7);
        Instant start = Instant.parse("2023-01-18T08:00:00Z");
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JsonObject contact = Facts.contact(owners[i % 3], start.plus(Duration.ofHours(31L * i)))
                    .put("country", countries[i % 4]).put("source", i % 2 == 0 ? "website" : "trade_show");
            if (i % 3 != 2) {
                contact.put("acceptedAt", start.plus(Duration.ofHours(31L * i + 1)).toString());
            }
            String id = Facts.putContact(contact);
            contacts.add(id);
            if (i % 3 != 2) {
                Facts.interaction(id, "inbound", start.plus(Duration.ofHours(31L * i + 5)));
            }
            if (i % 5 == 0) {
                Facts.wonDeal(id, owners[i % 3], start.plus(Duration.ofHours(31L * i + 10)),
                        start.plus(Duration.ofHours(31L * i + 40)), 100 + 7.25 * i, i % 10 == 0 ? 30.5 : null);
            }
        }
        for (int i = 0; i < 400; i++) {
            Instant sent = start.plus(Duration.ofMinutes(277L * i));
            boolean replied = i % 4 == 0;
            boolean clicked = i % 6 == 1;
            Facts.putSend(Facts.send(i % 3 == 0 ? promo : spring, i % 2 == 0 ? "A" : "B", contacts.get(i % 60),
                    "+4915112345678", sent, replied ? sent.plus(Duration.ofHours(2)) : null,
                    clicked ? sent.plus(Duration.ofHours(1)) : null));
        }
        Facts.cost(Map.of("category", "software", "amount", 270, "periodStart", "2023-01-01", "periodEnd",
                "2023-03-31"));
        Facts.recomputeOk("2023-01-01", "2023-04-30");

        assertSameAsDayByDay();

        // a later recompute of one day inside a whole month moves that month's rollup with it
        double sentBefore = kpiCounts(WHOLE, "none").get("total").get("sent");
        Instant february = Instant.parse("2023-02-10T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            Facts.putSend(Facts.send(spring, "A", contacts.get(i), "+4915112345678", february.plusSeconds(60L * i),
                    february.plusSeconds(3600), null));
        }
        Facts.recomputeOk("2023-02-10", "2023-02-10");
        assertThat(kpiCounts(WHOLE, "none").get("total").get("sent")).isEqualTo(sentBefore + 3);
        assertSameAsDayByDay();
    }

    private static void assertSameAsDayByDay() {
        for (String groupBy : List.of("none", "campaign", "variant", "owner", "country", "source", "ad", "month")) {
            Map<String, Map<String, Double>> whole = kpiCounts(WHOLE, groupBy);
            Map<String, Map<String, Double>> summed = new TreeMap<>();
            for (String part : PARTS) {
                kpiCounts(part, groupBy).forEach((group, counts) -> counts.forEach((name, value) -> summed
                        .computeIfAbsent(group, g -> new TreeMap<>()).merge(name, value, Double::sum)));
            }
            assertThat(whole).as(groupBy).isNotEmpty();
            if (!groupBy.equals("campaign") && !groupBy.equals("variant")) {
                // a row over several campaigns counts each recipient once, so its parts may count one twice
                whole.forEach((group, counts) -> assertThat(counts.get("recipients")).as(groupBy + " " + group)
                        .isLessThanOrEqualTo(summed.get(group).get("recipients")));
                withoutRecipients(whole);
                withoutRecipients(summed);
            }
            assertThat(rounded(whole)).as(groupBy).isEqualTo(rounded(summed));
        }
        Map<String, Double> total = kpiCounts(WHOLE, "none").get("total");
        total.remove("recipients");
        assertThat(total.get("sent")).isGreaterThan(300);
        assertThat(total.get("orders")).isGreaterThan(5);
        assertThat(total.get("contactsAdded")).isGreaterThan(40);
        // grouped by day, the same range is read day by day: its days add up to the total
        Map<String, Double> days = new TreeMap<>();
        kpiCounts(WHOLE, "day").values().forEach(c -> c.forEach((name, value) -> days.merge(name, value, Double::sum)));
        days.remove("recipients");
        assertThat(rounded(Map.of("total", days))).isEqualTo(rounded(Map.of("total", total)));

        for (String filter : List.of("", "&owner=Rollup Ben")) {
            Map<String, Double> roi = roiNumbers(WHOLE + filter);
            Map<String, Double> roiSummed = new TreeMap<>();
            PARTS.forEach(p -> roiNumbers(p + filter).forEach((k, v) -> roiSummed.merge(k, v, Double::sum)));
            assertThat(roi.remove("recipients")).isLessThanOrEqualTo(roiSummed.remove("recipients"));
            assertThat(rounded(Map.of("roi", roi))).as("roi" + filter).isEqualTo(rounded(Map.of("roi", roiSummed)));

            List<Double> stages = funnelCounts(WHOLE + filter);
            List<Double> stagesSummed = new ArrayList<>(List.of(0.0, 0.0, 0.0, 0.0));
            PARTS.forEach(p -> {
                List<Double> part = funnelCounts(p + filter);
                for (int i = 0; i < 4; i++) {
                    stagesSummed.set(i, stagesSummed.get(i) + part.get(i));
                }
            });
            assertThat(stages).as("funnel" + filter).isEqualTo(stagesSummed);
        }
    }

    @Test
    void deepContactsCountTurnsOfTheRangeAfterPartialRecomputes() {
        String owner = "Rollup Deep";
        String deep = Facts.putContact(Facts.contact(owner, Instant.parse("2023-02-01T09:00:00Z")));
        String shallow = Facts.putContact(Facts.contact(owner, Instant.parse("2023-02-01T09:30:00Z")));
        // deep: two turns on 3 February and one on 20 February; shallow: two turns in all
        for (Instant at : List.of(Instant.parse("2023-02-03T10:00:00Z"), Instant.parse("2023-02-03T14:00:00Z"),
                Instant.parse("2023-02-20T10:00:00Z"))) {
            Facts.interaction(deep, "outbound", at);
            Facts.interaction(deep, "inbound", at.plusSeconds(600));
        }
        for (Instant at : List.of(Instant.parse("2023-02-04T10:00:00Z"), Instant.parse("2023-02-21T10:00:00Z"))) {
            Facts.interaction(shallow, "outbound", at);
            Facts.interaction(shallow, "inbound", at.plusSeconds(600));
        }
        String february = "/api/v1/funnel?from=2023-02-01&to=2023-02-28&owner=" + owner;
        String firstDays = "/api/v1/funnel?from=2023-02-01&to=2023-02-10&owner=" + owner;
        Facts.recomputeOk("2023-02-01", "2023-02-28");
        given().get(february).then().body("stages[1].kpis.deepInteractionContacts.value", equalTo(1.0));
        Facts.recomputeOk("2023-02-01", "2023-02-10");
        Facts.recomputeOk("2023-02-15", "2023-02-28");
        given().get(february).then().body("stages[1].kpis.deepInteractionContacts.value", equalTo(1.0));
        given().get(firstDays).then().body("stages[1].kpis.deepInteractionContacts.value", equalTo(0.0));
        // a third turn for shallow makes it deep too
        Facts.interaction(shallow, "outbound", Instant.parse("2023-02-22T10:00:00Z"));
        Facts.interaction(shallow, "inbound", Instant.parse("2023-02-22T10:10:00Z"));
        Facts.recomputeOk("2023-02-22", "2023-02-22");
        given().get(february).then().body("stages[1].kpis.deepInteractionContacts.value", equalTo(2.0));
    }

    @Test
    void activeCustomersFollowDealsAndContacts() {
        String owner = "Rollup Customers";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Facts.putContact(Facts.contact(owner, Instant.parse("2023-03-01T09:00:00Z")));
            ids.add(id);
            // contact 2 last wrote more than the activity window (90 days) before the range's end
            Facts.interaction(id, "inbound", Instant.parse(i == 2 ? "2022-11-20T09:00:00Z" : "2023-03-20T09:00:00Z"));
        }
        for (int i = 0; i < 3; i++) {
            Facts.wonDeal(ids.get(i), owner, Instant.parse("2023-03-02T09:00:00Z"),
                    Instant.parse("2023-03-05T09:00:00Z"), 500, null);
        }
        JsonObject lost = FakeUpstreams.put("deals", new JsonObject().put("contactId", ids.get(3)).put("stage", "lost")
                .put("owner", owner).put("inquiryAt", "2023-03-02T09:00:00Z").put("lostAt", "2023-03-04T09:00:00Z")
                .put("currency", "USD").put("createdAt", "2023-03-02T09:00:00Z"));
        Facts.recomputeOk("2023-03-01", "2023-03-31");
        String funnel = "/api/v1/funnel?from=2023-03-01&to=2023-03-31&owner=" + owner;
        // three customers (contacts 0-2), two of them wrote within the activity window; the third is inactive but
        // left no unread messages, so it has not churned
        given().get(funnel).then().statusCode(200)
                .body("stages[3].kpis.activeCustomerRate.value", closeTo(2.0 / 3, 1e-4))
                .body("stages[3].kpis.churnRate.value", closeTo(0.0, 1e-9));

        // the lost deal is won after all, and the inactive customer moves to another owner
        FakeUpstreams.put("deals", lost.copy().put("stage", "won").put("wonAt", "2023-03-06T09:00:00Z")
                .put("orderAmount", 200).putNull("lostAt"));
        FakeUpstreams.put("contacts", Facts.contact("Rollup Elsewhere", Instant.parse("2023-03-01T09:00:00Z"))
                .put("id", ids.get(2)));
        Facts.recomputeOk("2023-03-01", "2023-03-31");
        given().get(funnel).then()
                .body("stages[3].kpis.activeCustomerRate.value", closeTo(1.0, 1e-9))
                .body("stages[3].kpis.churnRate.value", closeTo(0.0, 1e-9));
        given().get("/api/v1/funnel?from=2023-03-01&to=2023-03-31&owner=Rollup Elsewhere").then()
                .body("stages[3].kpis.activeCustomerRate.value", closeTo(0.0, 1e-9));
    }

    private static void withoutRecipients(Map<String, Map<String, Double>> rows) {
        rows.values().forEach(counts -> counts.remove("recipients"));
    }

    private static Map<String, Map<String, Double>> kpiCounts(String range, String groupBy) {
        List<Map<String, Object>> rows = given().get("/api/v1/kpis?" + range
                        + (groupBy.equals("none") ? "" : "&groupBy=" + groupBy)).then().statusCode(200)
                .extract().jsonPath().getList("rows");
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Double> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) row.get("counts");
            values.forEach((name, value) -> counts.put(name, ((Number) value).doubleValue()));
            out.put((String) row.get("group"), counts);
        }
        return out;
    }

    private static Map<String, Double> roiNumbers(String range) {
        var json = given().get("/api/v1/roi?" + range).then().statusCode(200).extract().jsonPath();
        Map<String, Double> out = new TreeMap<>();
        Map<String, Object> counts = json.getMap("counts");
        counts.forEach((name, value) -> out.put(name, ((Number) value).doubleValue()));
        out.put("messageFeesFromSends", json.getDouble("costs.messageFeesFromSends"));
        out.put("billableMessages", json.getDouble("costs.billableMessages"));
        out.put("direct", json.getDouble("value.direct"));
        out.put("repeat", json.getDouble("value.repeat"));
        return out;
    }

    private static List<Double> funnelCounts(String range) {
        List<Number> counts = given().get("/api/v1/funnel?" + range).then().statusCode(200).extract().jsonPath()
                .getList("stages.count");
        return counts.stream().map(Number::doubleValue).toList();
    }

    private static Map<String, Map<String, Double>> rounded(Map<String, Map<String, Double>> in) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        in.forEach((group, counts) -> {
            Map<String, Double> r = new TreeMap<>();
            counts.forEach((name, value) -> r.put(name, Math.round(value * 100) / 100.0));
            out.put(group, r);
        });
        return out;
    }
}
