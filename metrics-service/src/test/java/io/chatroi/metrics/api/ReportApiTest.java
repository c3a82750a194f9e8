package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ReportApiTest {

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    /**
     * Seed 000's scorecard table (docs/kpis.md section 3) from raw contacts, interactions and deals in ISO week 2025-W10:
     * added / effective / deep / quotes / orders / amount / repurchasing customers per owner.
     */
    @Test
    void seed000ScorecardFromRawEvents() {
        owner("张三", 25, 15, 8, 5, new double[]{5000, 3500}, 1);
        owner("李四", 83, 25, 5, 3, new double[]{2200}, 0);
        owner("王五", 9, 8, 6, 4, new double[]{6000, 6000}, 2);
        Facts.recomputeOk("2025-03-03", "2025-03-09");

        var rows = "rows.find { it.owner == '%s' }.";
        given().get("/api/v1/scorecards?week=2025-W10").then().statusCode(200)
                .body("week", equalTo("2025-W10")).body("from", equalTo("2025-03-03"))
                .body(rows.formatted("张三") + "contactsAdded", equalTo(25))
                .body(rows.formatted("张三") + "newEffectiveContacts", equalTo(15))
                .body(rows.formatted("张三") + "effectiveAddRate", closeTo(0.60, 1e-9))
                .body(rows.formatted("张三") + "deepInteractionContacts", equalTo(8))
                .body(rows.formatted("张三") + "quotesSent", equalTo(5))
                .body(rows.formatted("张三") + "ordersWon", equalTo(2))
                .body(rows.formatted("张三") + "orderAmount", equalTo(8500.0))
                .body(rows.formatted("张三") + "repurchasingCustomers", equalTo(1))
                .body(rows.formatted("李四") + "newEffectiveContacts", equalTo(25))
                .body(rows.formatted("李四") + "effectiveAddRate", closeTo(0.30, 0.005))
                .body(rows.formatted("李四") + "deepInteractionContacts", equalTo(5))
                .body(rows.formatted("李四") + "quotesSent", equalTo(3))
                .body(rows.formatted("李四") + "ordersWon", equalTo(1))
                .body(rows.formatted("李四") + "orderAmount", equalTo(2200.0))
                .body(rows.formatted("李四") + "repurchasingCustomers", equalTo(0))
                .body(rows.formatted("王五") + "newEffectiveContacts", equalTo(8))
                // 8 of 9 added (seed 000 prints 85%: no whole number of contacts gives 8 at 85%)
                .body(rows.formatted("王五") + "effectiveAddRate", closeTo(0.85, 0.04))
                .body(rows.formatted("王五") + "deepInteractionContacts", equalTo(6))
                .body(rows.formatted("王五") + "quotesSent", equalTo(4))
                .body(rows.formatted("王五") + "ordersWon", equalTo(2))
                .body(rows.formatted("王五") + "orderAmount", equalTo(12000.0))
                .body(rows.formatted("王五") + "repurchasingCustomers", equalTo(2))
                // 王五 leads on rate, amount and repurchases; 李四 last
                .body("rows[0].owner", equalTo("王五")).body("rows[2].owner", equalTo("李四"));
        given().get("/api/v1/scorecards?week=2025-W10&format=csv").then().statusCode(200)
                .body(startsWith("owner,contactsAdded,newEffectiveContacts,effectiveAddRate"))
                .body(containsString("张三,25,15,0.6,8,5,2,8500.00,1,0"));
        given().get("/api/v1/scorecards?week=2025-W99").then().statusCode(400);
        // the owner the gateway forwards for an agent is one exact name: "张三,李四" is nobody's row, not both rows
        given().get("/api/v1/scorecards?week=2025-W10&owner=王五").then().statusCode(200)
                .body("rows.owner", equalTo(List.of("王五")));
        given().queryParam("owner", "张三,李四").get("/api/v1/scorecards?week=2025-W10").then().statusCode(200)
                .body("rows", hasSize(0));

        // the same week as a funnel: 117 added, 48 effective, 5 converted, 3 retained (wins in January and this week)
        given().get("/api/v1/funnel?from=2025-03-03&to=2025-03-09").then().statusCode(200)
                .body("stages.stage", equalTo(List.of("reach", "interact", "convert", "retain")))
                .body("stages[0].count", equalTo(117)).body("stages[1].count", equalTo(48))
                .body("stages[2].count", equalTo(5)).body("stages[3].count", equalTo(3))
                .body("stages[1].conversionFromPrevious", closeTo(48.0 / 117, 1e-6))
                .body("largestDropOff", equalTo("interact -> convert"))
                .body("stages[1].kpis.deepInteractionContacts.value", equalTo(19.0));
        given().get("/api/v1/funnel?from=2025-03-03&to=2025-03-09&owner=王五").then()
                .body("stages[0].count", equalTo(9)).body("stages[0].kpis.effectiveAddRate.value", closeTo(8.0 / 9, 1e-6));
        given().get("/api/v1/kpis?from=2025-03-03&to=2025-03-09&groupBy=owner").then().statusCode(200)
                .body("rows.group", hasItem("张三"))
                .body("rows.find { it.group == '张三' }.kpis.effectiveAddRate.value", closeTo(0.6, 1e-9))
                .body("rows.find { it.group == '张三' }.kpis.quoteToOrderRate.value", closeTo(0.4, 1e-9));
        given().get("/api/v1/trends?metric=conversations&from=2025-03-03&to=2025-03-09&interval=week").then()
                .statusCode(200).body("points", hasSize(1)).body("points[0].period", equalTo("2025-W10"));
    }

    private static void owner(String owner, int added, int effective, int deep, int quotes, double[] orders,
                              int repurchases) {
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < added; i++) {
            Instant created = monday.plus(Duration.ofMinutes(37L * i + owner.hashCode() % 11 + 11));
            JsonObject contact = Facts.contact(owner, created);
            if (i < effective) {
                contact.put("acceptedAt", created.plusSeconds(600).toString());
            }
            String id = Facts.putContact(contact);
            ids.add(id);
            if (i < deep) {
                for (int turn = 0; turn < 3; turn++) {
                    Instant at = created.plus(Duration.ofHours(2L + 3L * turn));
                    Facts.interaction(id, "outbound", at);
                    Facts.interaction(id, "inbound", at.plusSeconds(900));
                }
            } else if (i < effective) {
                Facts.interaction(id, "inbound", created.plus(Duration.ofHours(1)));
            }
        }
        for (int q = 0; q < quotes; q++) {
            String contact = ids.get(q);
            Instant inquiry = monday.plus(Duration.ofHours(30 + q));
            if (q < orders.length) {
                if (q < repurchases) {
                    Facts.wonDeal(contact, owner, Instant.parse("2025-01-10T10:00:00Z"),
                            Instant.parse("2025-01-20T10:00:00Z"), 1000, null);
                }
                Facts.wonDeal(contact, owner, inquiry, inquiry.plus(Duration.ofHours(48)), orders[q], null);
            } else {
                FakeUpstreams.put("deals", new JsonObject().put("contactId", contact).put("stage", "quoted")
                        .put("owner", owner).put("inquiryAt", inquiry.toString())
                        .put("quotedAt", inquiry.plusSeconds(3600).toString()).put("quoteAmount", 1000)
                        .put("currency", "USD").put("createdAt", inquiry.toString()));
            }
        }
    }

    @Test
    void experimentNamesAWinnerOnlyWhenSignificant() {
        String campaign = Facts.campaign("Spring sale A/B", "Wang Wu", "click", 7);
        Instant june = Instant.parse("2025-06-02T08:00:00Z");
        for (int i = 0; i < 2000; i++) {
            boolean b = i % 2 == 1;
            int n = i / 2;
            boolean clicked = b ? n < 200 : n < 150;
            Instant sent = june.plusSeconds(20L * i);
            Facts.putSend(Facts.send(campaign, b ? "B" : "A", null, "+14155550100", sent, null,
                    clicked ? sent.plus(Duration.ofHours(1)) : null));
        }
        String small = Facts.campaign("Tiny test", "Wang Wu", "reply", 3);
        for (int i = 0; i < 60; i++) {
            Instant sent = june.plusSeconds(45L * i);
            Facts.putSend(Facts.send(small, i % 2 == 0 ? "A" : "B", null, "+14155550100", sent,
                    i % 2 == 1 && i < 40 ? sent.plusSeconds(60) : null, null));
        }
        Facts.recomputeOk("2025-06-01", "2025-06-03");
        given().get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("goal.type", equalTo("click"))
                .body("variants.variant", equalTo(List.of("A", "B")))
                .body("variants[0].sends", equalTo(1000)).body("variants[0].rate", closeTo(0.15, 1e-9))
                .body("variants[1].rate", closeTo(0.20, 1e-9))
                .body("variants[1].differenceVsControl", closeTo(0.05, 1e-9))
                .body("variants[1].pValue", lessThan(0.01))
                .body("variants[1].ci95Low", closeTo(0.0166, 0.001))
                .body("winner", equalTo("B"));
        given().get("/api/v1/campaigns/" + small + "/experiment").then().statusCode(200)
                .body("variants[1].significant", equalTo(false)).body("winner", nullValue())
                .body("verdict", containsString("not enough"));
        given().get("/api/v1/campaigns/" + campaign + "/experiment?format=csv").then().statusCode(200)
                .body(startsWith("variant,control,sends,conversions,rate"));
        given().get("/api/v1/campaigns/00000000-0000-0000-0000-000000000001/experiment").then().statusCode(404);

        given().get("/api/v1/trends?metric=sent&from=2025-06-01&to=2025-06-03&campaignId=" + campaign).then()
                .statusCode(200).body("points.period", equalTo(List.of("2025-06-01", "2025-06-02", "2025-06-03")))
                .body("points[1].value", equalTo(2000)).body("points[0].value", equalTo(0));
        given().get("/api/v1/trends?metric=ctr&from=2025-06-01&to=2025-06-03&campaignId=" + campaign).then()
                .body("points[1].value", closeTo(0.175, 1e-9)).body("points[0].value", nullValue());
        given().get("/api/v1/trends?metric=luck").then().statusCode(400).body("errors[0].field", equalTo("metric"));
        given().get("/api/v1/kpis?from=2025-06-01&to=2025-06-03&groupBy=variant&campaignId=" + campaign).then()
                .body("rows", hasSize(2))
                .body("rows.find { it.group.endsWith('/B') }.kpis.ctr.rating", equalTo("benchmark"))
                .body("rows.find { it.group.endsWith('/A') }.kpis.ctr.rating", equalTo("benchmark"));
    }

    @Test
    void alertsAndCatalogue() {
        given().get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.id", hasItem("nightlyRecompute")).body("alerts.id", hasItem("highActivityShare"))
                .body("alerts.find { it.id == 'nightlyRecompute' }.status", equalTo("alert"));
        given().get("/api/v1/alerts?format=csv").then().statusCode(200).body(startsWith("id,status,severity,message"));
        given().get("/api/v1/kpis/catalog").then().statusCode(200)
                .body("items.find { it.id == 'openRate' }.bands.best", equalTo(0.95))
                .body("items.find { it.id == 'optOutRate' }.better", equalTo("lower"))
                .body("items.find { it.id == 'replyRate' }.nameZh", equalTo("回复率"))
                .body("items.find { it.id == 'replyRate' }.bands", nullValue());
        given().accept("text/csv").get("/api/v1/kpis/catalog").then().statusCode(200)
                .body(startsWith("id,name,nameZh,formula,stage,unit,better,source,bands"));
        given().get("/api/v1/sync").then().statusCode(200).body("items.stream", hasItem("sends"));
        Map<String, Object> none = Map.of();
        given().contentType("application/json").body(none).post("/api/v1/recompute").then().statusCode(202)
                .body("status", equalTo("queued"));
    }
}
