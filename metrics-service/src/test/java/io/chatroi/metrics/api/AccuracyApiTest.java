package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

/**
 * The numbers that no sum of daily rows gives: a median over several days, recipients over several campaigns, and
 * retention at the end of a past range. Facts in 2022 only, each test with its own owner.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class AccuracyApiTest {

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void medianResponseTimeOverSeveralDaysIsTheMedianOfTheirResponses() {
        String owner = "Accuracy Median";
        // 1 February: answers after 10, 20 and 30 s; 2 February: one after 1000 s
        respond(owner, "2022-02-01T09:00:00Z", 10);
        respond(owner, "2022-02-01T11:00:00Z", 20);
        respond(owner, "2022-02-01T13:00:00Z", 30);
        respond(owner, "2022-02-02T09:00:00Z", 1000);
        Facts.recomputeOk("2022-02-01", "2022-02-02");

        // the median of 10, 20, 30, 1000 is 25 s (a mean of the daily medians weighted by responses made it 265 s)
        given().get("/api/v1/kpis?from=2022-02-01&to=2022-02-02&owner=" + owner).then().statusCode(200)
                .body("rows[0].kpis.medianResponseTime.value", closeTo(25, 1e-9))
                .body("rows[0].kpis.medianResponseTime.rating", equalTo("below"));
        given().get("/api/v1/kpis?from=2022-02-01&to=2022-02-02&groupBy=day&owner=" + owner).then().statusCode(200)
                .body("rows.find { it.group == '2022-02-01' }.kpis.medianResponseTime.value", closeTo(20, 1e-9))
                .body("rows.find { it.group == '2022-02-02' }.kpis.medianResponseTime.value", closeTo(1000, 1e-9));
        given().get("/api/v1/funnel?from=2022-02-01&to=2022-02-02&owner=" + owner).then().statusCode(200)
                .body("stages[1].kpis.firstResponseTime.value", closeTo(25, 1e-9));
    }

    /** A contact of the owner writes at {@code at} and is answered {@code seconds} later. */
    private static void respond(String owner, String at, int seconds) {
        Instant asked = Instant.parse(at);
        String contact = Facts.putContact(Facts.contact(owner, asked.minusSeconds(3600)));
        Facts.interaction(contact, "inbound", asked, "text");
        Facts.interaction(contact, "outbound", asked.plusSeconds(seconds), "text");
    }

    @Test
    void recipientsAreUniqueAcrossTheCampaignsOfAReport() {
        String owner = "Accuracy Reach";
        List<String> contacts = List.of(customer(owner), customer(owner), customer(owner));
        String spring = Facts.campaign("Accuracy spring", owner, "reply", 3);
        String summer = Facts.campaign("Accuracy summer", owner, "reply", 3);
        Instant first = Instant.parse("2022-03-01T09:00:00Z");
        Instant second = Instant.parse("2022-03-02T09:00:00Z");
        for (int i = 0; i < 2; i++) {
            Facts.putSend(Facts.send(spring, "A", contacts.get(i), "+4915112345678", first.plusSeconds(i), null, null));
        }
        for (int i = 0; i < 3; i++) {
            Facts.putSend(Facts.send(summer, "A", contacts.get(i), "+4915112345678", second.plusSeconds(i), null, null));
        }
        Facts.cost(Map.of("category", "software", "amount", 30, "periodStart", "2022-03-01", "periodEnd",
                "2022-03-02", "owner", owner));
        Facts.recomputeOk("2022-03-01", "2022-03-02");

        String range = "from=2022-03-01&to=2022-03-02&owner=" + owner;
        // five sends to three people: three recipients, so 30 spent is 10 per recipient
        given().get("/api/v1/kpis?" + range).then().statusCode(200)
                .body("rows[0].counts.sent", equalTo(5)).body("rows[0].counts.recipients", equalTo(3))
                .body("rows[0].kpis.costPerRecipient.value", closeTo(10, 1e-9));
        given().get("/api/v1/kpis?groupBy=campaign&" + range).then().statusCode(200)
                .body("rows.find { it.group == '" + spring + "' }.counts.recipients", equalTo(2))
                .body("rows.find { it.group == '" + summer + "' }.counts.recipients", equalTo(3));
        given().get("/api/v1/kpis?groupBy=owner&" + range).then().statusCode(200)
                .body("rows.find { it.group == '" + owner + "' }.counts.recipients", equalTo(3));
        given().get("/api/v1/roi?" + range).then().statusCode(200).body("counts.recipients", equalTo(3));
        given().get("/api/v1/roi?campaignId=" + summer + "&" + range).then().statusCode(200)
                .body("counts.recipients", equalTo(3));
        given().get("/api/v1/kpis?format=csv&" + range).then().statusCode(200);
    }

    private static String customer(String owner) {
        return Facts.putContact(Facts.contact(owner, Instant.parse("2022-01-02T09:00:00Z")));
    }

    @Test
    void retentionIsTheStateAtTheRangesEndAndChurnNeedsTwoUnreadMessages() {
        String owner = "Accuracy Retain";
        String campaign = Facts.campaign("Accuracy win-back", owner, "reply", 3);
        String active = customer(owner);
        String churned = customer(owner);
        String quiet = customer(owner);
        String lateBuyer = customer(owner);
        String deep = customer(owner);
        for (String contact : List.of(active, churned, quiet, lateBuyer)) {
            Facts.wonDeal(contact, owner, Instant.parse("2022-01-05T09:00:00Z"),
                    Instant.parse(contact.equals(lateBuyer) ? "2022-08-01T09:00:00Z" : "2022-01-10T09:00:00Z"),
                    100, null);
        }
        // the range is June 2022: its end is 1 July, and the activity window (90 days) opens on 2 April
        Facts.interaction(active, "inbound", Instant.parse("2022-06-15T09:00:00Z"), "text");
        Facts.interaction(churned, "inbound", Instant.parse("2022-02-01T09:00:00Z"), "text");
        Facts.interaction(quiet, "inbound", Instant.parse("2022-02-01T09:00:00Z"), "text");
        // the churned customer writes again after the range: today it is active, at the range's end it was not
        Facts.interaction(churned, "inbound", Instant.parse("2022-09-01T09:00:00Z"), "text");
        // a deep-interaction contact without a deal: three turns in January, then silence
        for (String day : List.of("2022-01-05", "2022-01-06", "2022-01-07")) {
            Facts.interaction(deep, "outbound", Instant.parse(day + "T10:00:00Z"), "text");
            Facts.interaction(deep, "inbound", Instant.parse(day + "T10:15:00Z"), "text");
        }
        // two unread messages since their last one for the churned customer and the deep contact (one of them read
        // only after the range), one unread and one read for the quiet customer
        unread(campaign, churned, "2022-05-01T09:00:00Z", null);
        unread(campaign, churned, "2022-05-10T09:00:00Z", "2022-08-01T09:00:00Z");
        unread(campaign, deep, "2022-05-01T09:00:00Z", null);
        unread(campaign, deep, "2022-05-10T09:00:00Z", null);
        unread(campaign, quiet, "2022-05-01T09:00:00Z", null);
        unread(campaign, quiet, "2022-05-10T09:00:00Z", "2022-05-11T09:00:00Z");
        Facts.recomputeOk("2022-01-01", "2022-09-30");

        // customers at the end: active, churned, quiet (the late buyer won in August); one of them active.
        // churn: of those three and the deep contact, the churned customer and the deep contact
        given().get("/api/v1/funnel?from=2022-06-01&to=2022-06-30&owner=" + owner).then().statusCode(200)
                .body("stages[3].kpis.activeCustomerRate.value", closeTo(1.0 / 3, 1e-6))
                .body("stages[3].kpis.churnRate.value", closeTo(0.5, 1e-9));
        // at the end of September the late buyer is a customer and the churned one has written again
        given().get("/api/v1/funnel?from=2022-09-01&to=2022-09-30&owner=" + owner).then().statusCode(200)
                .body("stages[3].kpis.activeCustomerRate.value", closeTo(1.0 / 4, 1e-6))
                .body("stages[3].kpis.churnRate.value", closeTo(1.0 / 5, 1e-9));
        given().get("/api/v1/kpis/catalog").then().statusCode(200)
                .body("items.find { it.id == 'churnRate' }.formula", org.hamcrest.Matchers.containsString("unread"));
    }

    private static void unread(String campaign, String contact, String sentAt, String readAt) {
        JsonObject send = Facts.send(campaign, "A", contact, "+4915112345678", Instant.parse(sentAt), null, null);
        if (readAt != null) {
            send.put("delivery", "read").put("readAt", readAt);
        }
        Facts.putSend(send);
    }
}
