package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.inbound;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InteractionApiTest {

    private static String ago(Duration duration) {
        return Instant.now().minus(duration).toString();
    }

    @Test
    void inboundTextSetsIntentInterestAndActivityAtOnce() {
        String id = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + id + "/interactions",
                Map.of("direction", "inbound", "text", "How much for 500 units? 有优惠吗"))
                .statusCode(201)
                .body("intentSignal", equalTo("high"))
                .body("interests", hasItem("discount"))
                .body("contact.stage", equalTo("engaged"))
                .body("contact.activity", equalTo("high"))
                .body("contact.tags", hasItems("activity:high", "intent:high", "interest:discount"));
        given().get("/api/v1/contacts/" + id).then()
                .body("intent", equalTo("high"))
                .body("followUp.reason", containsString("1 h"));
    }

    @Test
    void chineseTriggerWordsClassifyToo() {
        String id = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", "这款的规格和保修？"))
                .statusCode(201).body("intentSignal", equalTo("medium"));
        post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", "暂时不需要"))
                .statusCode(201).body("contact.intent", equalTo("none"));
    }

    @Test
    void tiersAgeWithTheTimeOfTheLastInboundMessage() {
        String owner = owner();
        String fresh = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String twoDays = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String fiveDays = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String silent = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        inbound(fresh, "hello", ago(Duration.ofHours(2)));
        inbound(twoDays, "price please", ago(Duration.ofDays(2)));
        inbound(fiveDays, "hello", ago(Duration.ofDays(5)));
        given().get("/api/v1/contacts/" + twoDays).then().body("activity", equalTo("medium"))
                .body("intent", equalTo("high"));
        given().get("/api/v1/contacts/" + fiveDays).then().body("activity", equalTo("low"));
        String base = "/api/v1/contacts?owners=" + owner;
        given().get(base + "&activity=high").then().body("items.id", equalTo(List.of(fresh)));
        given().get(base + "&activity=medium").then().body("items.id", equalTo(List.of(twoDays)));
        given().get(base + "&tagsAll=activity:low").then().body("items.id", equalTo(List.of(fiveDays)));
        given().get(base + "&activity=dormant").then().body("items.id", equalTo(List.of(silent)));
        // activity views list the most recently active first (fresh wrote after twoDays, though created before it)
        given().get(base + "&activity=high&activity=medium").then().body("items.id", equalTo(List.of(fresh, twoDays)));
        String next = given().get(base + "&activity=high&activity=medium&limit=1").then()
                .body("items.id", equalTo(List.of(fresh))).extract().path("nextCursor");
        given().get(base + "&activity=high&activity=medium&limit=1&after=" + next).then()
                .body("items.id", equalTo(List.of(twoDays))).body("nextCursor", nullValue());
        given().get(base + "&intent=high").then().body("items.id", equalTo(List.of(twoDays)));
        // a high-intent contact silent for 3 days cools to medium
        String cooled = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        inbound(cooled, "what is the price?", ago(Duration.ofDays(4)));
        given().get("/api/v1/contacts/" + cooled).then().body("intent", equalTo("medium"));
        given().get(base + "&intent=medium").then().body("items.id", equalTo(List.of(cooled)));
        // messages record tier moves at once; re-tiering records what time alone changed (the silent contact's
        // first tier), and a second run finds nothing left to record
        given().post("/api/v1/contacts/retier").then().statusCode(200).body("changed", greaterThanOrEqualTo(1));
        given().post("/api/v1/contacts/retier").then().statusCode(200).body("changed", equalTo(0));
    }

    @Test
    void stopWordsOptTheContactOutInBothLanguages() {
        for (String word : List.of("STOP", "unsubscribe", "退订")) {
            String id = createContact(Map.of("phone", berlinPhone()));
            post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", word))
                    .statusCode(201).body("optOut", equalTo(true)).body("contact.optedOut", equalTo(true));
            given().get("/api/v1/contacts/" + id + "/send-eligibility").then()
                    .body("allowed", equalTo(false)).body("reason", equalTo("opted_out"))
                    .body("nextAllowedAt", nullValue());
        }
        // an explicit preference (a stop button, WhatsApp's user_preferences) opts out and back in
        String explicit = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + explicit + "/interactions", Map.of("direction", "inbound",
                "messageType", "button", "text", "Stop promotions", "optOut", true))
                .statusCode(201).body("contact.optedOut", equalTo(true));
        post("/api/v1/contacts/" + explicit + "/interactions", Map.of("direction", "inbound",
                "messageType", "user_preferences", "optOut", false))
                .statusCode(201).body("contact.optedOut", equalTo(false));
        String keeps = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + keeps + "/interactions",
                Map.of("direction", "inbound", "text", "please don't stop sending offers"))
                .statusCode(201).body("contact.optedOut", equalTo(false));
    }

    @Test
    void theSameExternalIdIsRecordedOnce() {
        String id = createContact(Map.of("phone", berlinPhone()));
        Map<String, Object> message = Map.of("direction", "inbound", "text", "price?", "externalId", "wamid." + id);
        post("/api/v1/contacts/" + id + "/interactions", message).statusCode(201).body("duplicate", equalTo(false));
        post("/api/v1/contacts/" + id + "/interactions", message).statusCode(200).body("duplicate", equalTo(true))
                .body("intentSignal", equalTo("high"));
        given().get("/api/v1/contacts/" + id + "/interactions").then().body("items.size()", equalTo(1));
    }

    @Test
    void customRulesExtendTheClassifier() {
        String phrase = "container-" + owner().substring(6, 12);
        post("/api/v1/classification-rules", Map.of("kind", "intent", "label", "high", "phrase", phrase))
                .statusCode(201);
        String id = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", "one " + phrase))
                .statusCode(201).body("intentSignal", equalTo("high"));
        post("/api/v1/classification-rules", Map.of("kind", "mood", "label", "x", "phrase", "y")).statusCode(400);
    }

    @Test
    void bulkInteractionsByPhoneReportBadItemsAndCreateMissingContacts() {
        String known = berlinPhone();
        createContact(Map.of("phone", known));
        String unknown = berlinPhone();
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(
                Map.of("phone", known, "direction", "inbound", "text", "ok thanks", "externalId", "bulk-" + known),
                Map.of("phone", unknown, "direction", "inbound", "text", "hi", "source", "ads_ctwa"),
                Map.of("phone", "nope", "direction", "inbound"),
                Map.of("phone", known, "direction", "sideways"))))
                .statusCode(200)
                .body("accepted", equalTo(2)).body("contactsCreated", equalTo(1))
                .body("rejected.index", equalTo(List.of(2, 3)));
        given().get("/api/v1/contacts?q=" + unknown.substring(1)).then()
                .body("items[0].source", equalTo("ads_ctwa")).body("items[0].stage", equalTo("engaged"));
    }

    @Test
    void eligibilityHonoursWindowsInTheContactsZoneAndTheWeeklyCap() {
        String shanghai = createContact(Map.of("phone", "+86 138 " + (10000000 + (System.nanoTime() % 89999999)),
                "timeZone", "Asia/Shanghai"));
        given().contentType("application/json").body(Map.of("windows", List.of(Map.of(
                        "days", List.of("MON", "TUE", "WED", "THU", "FRI"), "start", "09:00", "end", "18:00")),
                        "maxMessagesPerWeek", 2))
                .put("/api/v1/contacts/" + shanghai + "/preferences").then().statusCode(200);
        // Monday 02:00 UTC is 10:00 in Shanghai
        given().get("/api/v1/contacts/" + shanghai + "/send-eligibility?at=2026-11-23T02:00:00Z")
                .then().body("allowed", equalTo(true));
        given().get("/api/v1/contacts/" + shanghai + "/send-eligibility?at=2026-11-23T12:00:00Z")
                .then().body("allowed", equalTo(false)).body("reason", equalTo("outside_window"))
                .body("nextAllowedAt", equalTo("2026-11-24T01:00:00Z"));
        for (int i = 0; i < 2; i++) {
            post("/api/v1/contacts/" + shanghai + "/interactions", Map.of("direction", "outbound", "category",
                    "marketing", "at", ago(Duration.ofDays(1 + i)))).statusCode(201);
        }
        given().get("/api/v1/contacts/" + shanghai + "/send-eligibility").then()
                .body("marketingSentLast7Days", equalTo(2)).body("reason", not(equalTo("opted_out")))
                .body("allowed", equalTo(false));
        // the bulk form answers the same, in order, for many contacts at once
        String unknown = java.util.UUID.randomUUID().toString();
        post("/api/v1/send-eligibility", Map.of("contactIds", List.of(shanghai, unknown), "at",
                "2026-11-23T12:00:00Z", "category", "utility")).statusCode(200)
                .body("[0].allowed", equalTo(false)).body("[0].reason", equalTo("outside_window"))
                .body("[1].reason", equalTo("not_found"));
        post("/api/v1/send-eligibility", Map.of("contactIds", List.of())).statusCode(400);
        given().contentType("application/json").body(Map.of("windows", List.of(Map.of("days", List.of("XYZ"),
                        "start", "9am", "end", "18:00"))))
                .put("/api/v1/contacts/" + shanghai + "/preferences").then().statusCode(400)
                .body("errors.field", hasItems("windows[0].days", "windows[0].start"));
    }

    @Test
    void dueFollowUpsListTheMostUrgentFirst() {
        String owner = owner();
        String hot = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String lukewarm = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        inbound(hot, "how much?", ago(Duration.ofHours(5)));
        inbound(lukewarm, "hello", ago(Duration.ofHours(2)));
        given().get("/api/v1/follow-ups?owner=" + owner).then().body("items.contactId", equalTo(List.of(hot)));
        given().get("/api/v1/follow-ups?owner=" + owner + "&dueBefore=" + Instant.now().plus(Duration.ofDays(1)))
                .then().body("items.contactId", equalTo(List.of(hot, lukewarm)))
                .body("items[0].reason", containsString("high-intent"));
        given().get("/api/v1/follow-ups?dueBefore=yesterday").then().statusCode(400);
    }

    @Test
    void everyInteractionIsListedInRecordingOrderForSync() {
        String a = createContact(Map.of("phone", berlinPhone()));
        String b = createContact(Map.of("phone", berlinPhone()));
        Instant start = Instant.now();
        inbound(a, "price?", ago(Duration.ofHours(3)));
        post("/api/v1/contacts/" + b + "/interactions", Map.of("direction", "outbound", "text", "hello",
                "category", "marketing", "agent", "Li Si")).statusCode(201);
        inbound(a, "thanks", ago(Duration.ofHours(1)));
        // three pages of one, in recording order, each strictly after the cursor
        String first = given().get("/api/v1/interactions?limit=1&updatedAfter=" + start).then().statusCode(200)
                .body("items[0].contactId", equalTo(a)).body("items[0].direction", equalTo("inbound"))
                .body("items[0].intent", equalTo("high")).body("items[0].text", nullValue())
                .extract().path("nextCursor");
        String second = given().get("/api/v1/interactions?limit=1&updatedAfter=" + start + "&after=" + first).then()
                .body("items[0].contactId", equalTo(b)).body("items[0].agent", equalTo("Li Si"))
                .body("items[0].category", equalTo("marketing")).extract().path("nextCursor");
        given().get("/api/v1/interactions?limit=500&updatedAfter=" + start + "&after=" + second).then()
                .body("items.contactId", hasItem(a)).body("items[0].updatedAt", not(nullValue()));
        given().get("/api/v1/interactions?updatedAfter=" + Instant.now().plusSeconds(60)).then()
                .body("items", equalTo(List.of())).body("nextCursor", nullValue());
        given().get("/api/v1/interactions?updatedAfter=yesterday").then().statusCode(400);
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", "Li Si").get("/api/v1/interactions")
                .then().statusCode(403);
    }
}
