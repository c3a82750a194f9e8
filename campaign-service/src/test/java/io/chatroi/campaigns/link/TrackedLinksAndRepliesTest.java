package io.chatroi.campaigns.link;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.contacts.ContactSync;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.chatroi.campaigns.dispatch.FakeGraphApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Tracked links, and replies / opt-outs credited to the send they answer, as the campaign counters show them. */
@QuarkusTest
class TrackedLinksAndRepliesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    ContactSync contactSync;

    @Test
    void linksRedirectWithUtmAndCountClicksOncePerSendWhileRepliesAndStopsAreCreditedToTheirSend() {
        String id = CampaignFixtures.launchAndDispatch(dispatcher,
                CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, CampaignFixtures.template("marketing")));
        List<Row> sent = CampaignFixtures.sent(pool, id);
        assertThat(sent).hasSizeGreaterThan(3);
        Row first = sent.get(0);
        Row second = sent.get(1);
        Row third = sent.get(2);

        // the URL button went out with this send's code as its dynamic suffix
        JsonObject body = FakeGraphApi.ACCEPTED.stream()
                .filter(b -> first.getUUID("id").toString().equals(b.getString("biz_opaque_callback_data")))
                .findFirst().orElseThrow();
        JsonObject button = body.getJsonObject("template").getJsonArray("components").stream()
                .map(JsonObject.class::cast).filter(c -> "button".equals(c.getString("type"))).findFirst().orElseThrow();
        assertThat(button.getString("sub_type")).isEqualTo("url");
        assertThat(button.getString("index")).isEqualTo("0");
        String code = button.getJsonArray("parameters").getJsonObject(0).getString("text");

        Instant beforeClicks = Instant.now();
        for (int i = 0; i < 2; i++) {
            given().redirects().follow(false).get("/r/" + code).then().statusCode(302)
                    .header("Location", equalTo("https://shop.example.com?utm_source=whatsapp&utm_medium=message"
                            + "&utm_campaign=Spring+sale&utm_content=A"))
                    .header("Cache-Control", "no-store");
        }
        // a link checker's HEAD sees the same redirect and counts nothing
        given().redirects().follow(false).head("/r/" + code).then().statusCode(302)
                .header("Location", startsWith("https://shop.example.com?utm_source=whatsapp"));
        String altered = code.substring(0, code.length() - 2) + (code.endsWith("A") ? "BB" : "AA");
        given().redirects().follow(false).get("/r/" + altered).then().statusCode(404)
                .contentType("application/problem+json");
        given().redirects().follow(false).get("/r/not-a-code").then().statusCode(404);

        // a reply naming the message, a reply by phone alone, and a typed STOP
        postMessage(first.getString("phone"), "How much for 500 units?", first.getString("provider_message_id"));
        postMessage(second.getString("phone"), "Thanks!", null);
        postMessage(second.getString("phone"), "And the warranty?", null);
        postMessage(third.getString("phone"), "STOP", null);

        Map<String, Object> counters = given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("counters");
        assertThat(((Number) counters.get("clicked")).intValue()).isEqualTo(1);
        assertThat(((Number) counters.get("clicks")).intValue()).isEqualTo(2);
        assertThat(((Number) counters.get("replied")).intValue()).isEqualTo(2);
        assertThat(((Number) counters.get("optedOut")).intValue()).isEqualTo(1);
        given().get("/api/v1/campaigns/" + id).then().body("countersByVariant.A.clicked", equalTo(1));

        // the sync feed shows each change on the send it belongs to
        List<Map<String, Object>> changed = changedSince(beforeClicks);
        Map<String, Object> firstView = changed.stream().filter(s -> s.get("id").equals(first.getUUID("id").toString()))
                .findFirst().orElseThrow();
        assertThat(firstView.get("clicks")).isEqualTo(2);
        assertThat(firstView.get("clickedAt")).isNotNull();
        assertThat(firstView.get("repliedAt")).isNotNull();
        Map<String, Object> thirdView = changed.stream().filter(s -> s.get("id").equals(third.getUUID("id").toString()))
                .findFirst().orElseThrow();
        assertThat(thirdView.get("optedOutAt")).isNotNull();
        assertThat(thirdView.get("repliedAt")).isNull();

        // a receipt moves the send in the sync feed too
        Instant beforeReceipt = Instant.now();
        postStatus(sent.get(3).getString("provider_message_id"));
        Map<String, Object> fourthView = changedSince(beforeReceipt).stream()
                .filter(s -> s.get("id").equals(sent.get(3).getUUID("id").toString())).findFirst().orElseThrow();
        assertThat(fourthView).containsEntry("delivery", "delivered").containsEntry("pricingCategory", "marketing")
                .containsEntry("billable", true);
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void chatMessagesAreLoggedInBulkAndGroupedIntoConversations() {
        String phone = "+5511987654321";
        Instant t = Instant.parse("2026-11-02T09:00:00Z");
        String external = "crm-" + UUID.randomUUID();
        List<Map<String, Object>> items = List.of(
                item("inbound", phone, null, t, "Hi, is the blue one in stock?", external + "-1"),
                item("outbound", "0055 11 98765 4321", "Li Si", t.plusSeconds(30), "Yes, 40 units", external + "-2"),
                item("inbound", phone, null, t.plusSeconds(120), "Price for 20?", external + "-3"),
                item("outbound", phone, "Li Si", t.plusSeconds(180), "USD 12 each", external + "-4"),
                item("inbound", phone, null, t.plus(Duration.ofHours(30)), "ok", external + "-5"),
                item("sideways", phone, null, t, "?", external + "-6"),
                item("inbound", "12", null, t, "?", external + "-7"));
        given().contentType("application/json").body(Map.of("items", items)).post("/api/v1/messages").then()
                .statusCode(200).body("accepted", equalTo(5)).body("duplicates", equalTo(0))
                .body("rejected.index", equalTo(List.of(5, 6)))
                .body("rejected.field", equalTo(List.of("direction", "phone")));
        given().contentType("application/json").body(Map.of("items", items.subList(0, 2))).post("/api/v1/messages")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        given().contentType("application/json").body(Map.of("items", List.of())).post("/api/v1/messages").then()
                .statusCode(400).contentType("application/problem+json");

        Response byPhone = given().queryParam("phone", phone).queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-11-05T00:00:00Z").get("/api/v1/conversations");
        byPhone.then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].messages", equalTo(1)).body("items[0].turns", equalTo(0))
                .body("items[0].firstResponseSeconds", equalTo(null))
                .body("items[1].startedAt", startsWith("2026-11-02T09:00"))
                .body("items[1].messages", equalTo(4)).body("items[1].turns", equalTo(1))
                .body("items[1].firstResponseSeconds", equalTo(30)).body("items[1].agents", equalTo(List.of("Li Si")));
        given().queryParam("agent", "Li Si").queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-11-05T00:00:00Z").get("/api/v1/conversations").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].phone", equalTo(phone));
        given().get("/api/v1/conversations").then().statusCode(400).contentType("application/problem+json");

        // logged messages reach contacts-service (tiers, opt-out words) through the outbox, once
        while (contactSync.syncOnce().await().atMost(WAIT) > 0) {
            // drain
        }
        assertThat(FakeContactsService.INTERACTIONS.stream().filter(i -> (external + "-4").equals(i.getString("externalId"))))
                .singleElement().satisfies(i -> {
                    assertThat(i.getString("agent")).isEqualTo("Li Si");
                    assertThat(i.getString("direction")).isEqualTo("outbound");
                    assertThat(i.getString("phone")).isEqualTo(phone);
                });
        given().queryParam("phone", phone).queryParam("from", "yesterday").get("/api/v1/conversations").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /** Every send changed since an instant, through all pages of the sync feed. */
    private static List<Map<String, Object>> changedSince(Instant since) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("updatedAfter", since.toString()).queryParam("limit", 500)
                    .queryParams(cursor == null ? Map.of() : Map.of("after", cursor)).get("/api/v1/sends")
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static Map<String, Object> item(String direction, String phone, String agent, Instant at, String text,
                                            String externalId) {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("direction", direction, "phone", phone,
                "at", at.toString(), "text", text, "externalId", externalId));
        if (agent != null) {
            item.put("agent", agent);
        }
        return item;
    }

    private static void postMessage(String phone, String text, String contextId) {
        JsonObject message = new JsonObject().put("from", phone.substring(1)).put("id", "wamid.IN" + UUID.randomUUID())
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond() + 2)).put("type", "text")
                .put("text", new JsonObject().put("body", text));
        if (contextId != null) {
            message.put("context", new JsonObject().put("from", "15550000000").put("id", contextId));
        }
        post(new JsonObject().put("messages", new JsonArray().add(message)));
    }

    private static void postStatus(String messageId) {
        post(new JsonObject().put("statuses", new JsonArray().add(new JsonObject().put("id", messageId)
                .put("status", "delivered").put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .put("recipient_id", "4930100").put("pricing", new JsonObject().put("billable", true)
                        .put("pricing_model", "PMP").put("type", "regular").put("category", "marketing")))));
    }

    private static void post(JsonObject value) {
        value.put("messaging_product", "whatsapp");
        byte[] bytes = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                        .add(new JsonObject().put("id", "W").put("changes", new JsonArray().add(new JsonObject()
                                .put("field", "messages").put("value", value))))).encode()
                .getBytes(StandardCharsets.UTF_8);
        SignedWebhooks.postMeta(bytes).statusCode(200);
    }
}
