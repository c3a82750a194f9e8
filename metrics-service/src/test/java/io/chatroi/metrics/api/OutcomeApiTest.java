package io.chatroi.metrics.api;

import io.chatroi.common.testing.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Conversations left hanging: the contact wrote last and nobody answered within 24 h. Facts of November 2022. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class OutcomeApiTest {

    private static final String OWNER = "Outcome Hanging";
    private static final String LIST = "/api/v1/conversation-outcomes/hanging";

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void hangingConversationsAreListedAndCountedPerOwner() {
        MutableClock clock = new MutableClock(Instant.parse("2022-11-10T12:00:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);
        // waiting since the 8th: answered on the 7th, then wrote twice
        String waiting = contact(OWNER);
        Facts.interaction(waiting, "outbound", at("2022-11-07T10:00:00Z"), "text");
        Facts.interaction(waiting, "inbound", at("2022-11-08T09:00:00Z"), "text");
        Facts.interaction(waiting, "inbound", at("2022-11-08T10:00:00Z"), "text");
        // wrote 28 h ago, never answered
        String unanswered = contact(OWNER);
        Facts.interaction(unanswered, "inbound", at("2022-11-09T08:00:00Z"), "text");
        // answered within minutes; its contact's later reaction asks nothing
        String answered = contact(OWNER);
        Facts.interaction(answered, "inbound", at("2022-11-08T10:00:00Z"), "text");
        Facts.interaction(answered, "outbound", at("2022-11-08T10:05:00Z"), "text");
        Facts.interaction(answered, "inbound", at("2022-11-08T12:00:00Z"), "reaction");
        // wrote 6 h ago: the window is still open
        String fresh = contact(OWNER);
        Facts.interaction(fresh, "inbound", at("2022-11-10T06:00:00Z"), "text");
        // wrote in June: outside the activity window (90 days)
        String old = contact(OWNER);
        Facts.interaction(old, "inbound", at("2022-06-01T06:00:00Z"), "text");
        String elsewhere = contact(OWNER + " Other");
        Facts.interaction(elsewhere, "inbound", at("2022-11-08T06:00:00Z"), "text");
        Facts.recomputeOk("2022-11-10", "2022-11-10");

        String next = given().get(LIST + "?limit=1&owner=" + OWNER).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].contactId", equalTo(unanswered))
                .body("items[0].owner", equalTo(OWNER))
                .body("items[0].waitingSince", equalTo("2022-11-09T08:00:00Z"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().get(LIST + "?limit=1&owner=" + OWNER + "&after=" + next).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].contactId", equalTo(waiting))
                .body("items[0].waitingSince", equalTo("2022-11-08T09:00:00Z"))
                .body("items[0].lastInboundAt", equalTo("2022-11-08T10:00:00Z"))
                .body("nextCursor", nullValue());
        given().get(LIST + "/owners").then().statusCode(200)
                .body("asOf", equalTo("2022-11-10T12:00:00Z")).body("windowHours", equalTo(24))
                .body("items.find { it.owner == '" + OWNER + "' }.hanging", equalTo(2))
                .body("items.find { it.owner == '" + OWNER + " Other' }.hanging", equalTo(1));
        given().get(LIST + "/owners?format=csv&owner=" + OWNER).then().statusCode(200)
                .body(startsWith("owner,hanging\r\n" + OWNER + ",2\r\n"));
        // an owner name is one exact value, never split: "A,B" sees neither A's nor B's conversations
        String both = OWNER + "," + OWNER + " Other";
        given().queryParam("owner", both).get(LIST).then().statusCode(200).body("items", hasSize(0));
        given().queryParam("owner", both).get(LIST + "/owners").then().statusCode(200).body("items", hasSize(0));
        given().get(LIST + "?after=nonsense").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().get(LIST + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));

        // the agent answers one; a day later the fresh one has waited past the window
        Facts.interaction(unanswered, "outbound", at("2022-11-10T12:30:00Z"), "text");
        Facts.recomputeOk("2022-11-10", "2022-11-10");
        clock.advance(java.time.Duration.ofDays(1));
        given().get(LIST + "/owners?owner=" + OWNER).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].hanging", equalTo(2));
        given().get(LIST + "?owner=" + OWNER).then().statusCode(200)
                .body("items.contactId", equalTo(java.util.List.of(fresh, waiting)));
    }

    @Test
    void resolutionTimeRunsFromTheConversationsFirstInboundMessageToItsDeal() {
        String owner = "Outcome Resolve";
        // asked at 10:00, answered, asked again, won at 12:00: 2 h
        String quick = contact(owner);
        Facts.interaction(quick, "inbound", at("2022-12-05T10:00:00Z"), "text");
        Facts.interaction(quick, "outbound", at("2022-12-05T10:01:00Z"), "text");
        Facts.interaction(quick, "inbound", at("2022-12-05T11:00:00Z"), "text");
        Facts.wonDeal(quick, owner, at("2022-12-05T10:30:00Z"), at("2022-12-05T12:00:00Z"), 100, null);
        // an older conversation, then one the agent opened: lost an hour after the contact's first answer
        String lost = contact(owner);
        Facts.interaction(lost, "inbound", at("2022-12-01T09:00:00Z"), "text");
        Facts.interaction(lost, "outbound", at("2022-12-10T08:00:00Z"), "text");
        Facts.interaction(lost, "inbound", at("2022-12-10T09:00:00Z"), "text");
        FakeUpstreams.put("deals", new io.vertx.core.json.JsonObject().put("contactId", lost).put("stage", "lost")
                .put("owner", owner).put("inquiryAt", "2022-12-10T09:00:00Z").put("lostAt", "2022-12-10T10:00:00Z")
                .put("currency", "USD").put("createdAt", "2022-12-10T09:00:00Z"));
        // won three days after the last message: not resolved in a conversation
        String late = contact(owner);
        Facts.interaction(late, "inbound", at("2022-12-12T09:00:00Z"), "text");
        Facts.wonDeal(late, owner, at("2022-12-12T09:00:00Z"), at("2022-12-15T09:00:00Z"), 100, null);
        // one conversation over two days (no gap over 24 h): 36 h
        String slow = contact(owner);
        Facts.interaction(slow, "inbound", at("2022-12-22T00:00:00Z"), "text");
        Facts.interaction(slow, "outbound", at("2022-12-22T20:00:00Z"), "text");
        Facts.interaction(slow, "inbound", at("2022-12-23T10:00:00Z"), "text");
        Facts.wonDeal(slow, owner, at("2022-12-22T00:00:00Z"), at("2022-12-23T12:00:00Z"), 100, null);
        String other = contact(owner + " Other");
        Facts.interaction(other, "inbound", at("2022-12-20T09:00:00Z"), "text");
        Facts.wonDeal(other, owner + " Other", at("2022-12-20T09:00:00Z"), at("2022-12-20T09:30:00Z"), 100, null);
        Facts.recomputeOk("2022-12-01", "2022-12-31");

        String url = "/api/v1/conversation-outcomes/resolution-times?from=2022-12-01&to=2022-12-31";
        // 3600, 7200 and 129600 s: median 7200, p90 7200 + 0.8 x (129600 - 7200)
        given().get(url + "&owner=" + owner).then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].group", equalTo("total"))
                .body("rows[0].resolutions", equalTo(3))
                .body("rows[0].resolutionTime.value", closeTo(7200, 1e-6))
                .body("rows[0].resolutionTime.unit", equalTo("seconds"))
                .body("rows[0].resolutionTimeP90.value", closeTo(105120, 1e-6));
        given().get(url + "&groupBy=owner").then().statusCode(200)
                .body("rows.find { it.group == '" + owner + " Other' }.resolutionTime.value", closeTo(1800, 1e-6))
                .body("rows.find { it.group == '" + owner + "' }.resolutions", equalTo(3));
        given().get(url + "&groupBy=week&owner=" + owner).then().statusCode(200)
                .body("rows.group", equalTo(java.util.List.of("2022-W49", "2022-W51")))
                .body("rows[0].resolutions", equalTo(2)).body("rows[0].resolutionTime.value", closeTo(5400, 1e-6));
        given().get(url + "&format=csv&owner=" + owner).then().statusCode(200)
                .body(startsWith("group,resolutions,resolutionTime.value,resolutionTime.unit"));
        given().get(url + "&groupBy=campaign").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().get("/api/v1/conversation-outcomes/resolution-times?from=2022-12-31&to=2022-12-01").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void anExplicitResolutionEndsTheConversationAndTheFirstResolutionCountsOnce() {
        String owner = "Outcome Explicit";
        // asked at 10:00, resolved by the agent at 10:30: 1800 s
        String quick = contact(owner);
        Facts.interaction(quick, "inbound", at("2023-01-05T10:00:00Z"), "text");
        Facts.interaction(quick, "outbound", at("2023-01-05T10:05:00Z"), "text");
        resolution(quick, "2023-01-05T10:30:00Z");
        // resolved at 12:00, then the deal won at 13:00 in the same conversation: once, 3 h
        String both = contact(owner);
        Facts.interaction(both, "inbound", at("2023-01-06T09:00:00Z"), "text");
        resolution(both, "2023-01-06T12:00:00Z");
        Facts.wonDeal(both, owner, at("2023-01-06T09:00:00Z"), at("2023-01-06T13:00:00Z"), 100, null);
        // resolved three days after the last message: no conversation was open
        String stale = contact(owner);
        Facts.interaction(stale, "inbound", at("2023-01-02T09:00:00Z"), "text");
        resolution(stale, "2023-01-05T09:00:00Z");
        Facts.recomputeOk("2023-01-01", "2023-01-31");

        String url = "/api/v1/conversation-outcomes/resolution-times?from=2023-01-01&to=2023-01-31&owner=" + owner;
        // 1800 and 10800 s: median 6300, p90 1800 + 0.9 x 9000
        given().get(url).then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].resolutions", equalTo(2))
                .body("rows[0].resolutionTime.value", closeTo(6300, 1e-6))
                .body("rows[0].resolutionTimeP90.value", closeTo(9900, 1e-6));
        given().get(url + "&groupBy=day").then().statusCode(200)
                .body("rows.group", equalTo(java.util.List.of("2023-01-05", "2023-01-06")))
                .body("rows[1].resolutionTime.value", closeTo(10800, 1e-6));
        given().get(url + "&groupBy=owner&format=csv").then().statusCode(200)
                .body(startsWith("group,resolutions,resolutionTime.value,resolutionTime.unit"))
                .body(org.hamcrest.Matchers.containsString(owner + ",2,6300"));
        given().get("/api/v1/sync").then().statusCode(200)
                .body("items.find { it.stream == 'resolutions' }.lastError", nullValue());
    }

    /** An explicit resolution as campaign-service lists it (the contact's owner is read from the contact facts). */
    private static void resolution(String contactId, String at) {
        FakeUpstreams.put("conversations/resolutions", new io.vertx.core.json.JsonObject().put("contactId", contactId)
                .put("at", at).put("by", "agent").putNull("owner").putNull("phone"));
    }

    private static String contact(String owner) {
        return Facts.putContact(Facts.contact(owner, Instant.parse("2022-10-01T09:00:00Z")));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
