package io.chatroi.campaigns.attribution;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.contacts.ContactSync;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.chatroi.campaigns.webhook.MetaWebhook.message;
import static io.chatroi.campaigns.webhook.MetaWebhook.messages;
import static io.chatroi.campaigns.webhook.MetaWebhook.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Each inbound message type is counted for what it is (common's MessageKind): replies, reactions, and nothing. */
@QuarkusTest
class MessageKindAttributionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    ContactSync contactSync;

    @Test
    void reactionsAreEngagementAndNoticesRevokesEditsAndUnsupportedMessagesCountForNothing() {
        String id = CampaignFixtures.launchAndDispatch(dispatcher,
                CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, CampaignFixtures.template("marketing")));
        List<Row> sent = CampaignFixtures.sent(pool, id);
        assertThat(sent).hasSizeGreaterThan(3);
        Row reacted = sent.get(0);
        Row unreacted = sent.get(1);
        Row noticed = sent.get(2);
        Row answered = sent.get(3);
        Instant before = Instant.now().minusSeconds(60);

        JsonObject reaction = message(reacted.getString("phone"), "reaction", new JsonObject()
                .put("message_id", reacted.getString("provider_message_id")).put("emoji", "\uD83D\uDE00"));
        // a removed reaction comes without its emoji
        JsonObject removed = message(unreacted.getString("phone"), "reaction", new JsonObject()
                .put("message_id", unreacted.getString("provider_message_id")));
        JsonObject system = message(noticed.getString("phone"), "system", new JsonObject()
                .put("body", "User A changed from +1 555 0100 to +1 555 0199").put("new_wa_id", "15550199")
                .put("type", "user_changed_number"));
        JsonObject unsupported = message(noticed.getString("phone"), "unsupported", null)
                .put("errors", new JsonArray().add(new JsonObject().put("code", 131051)
                        .put("title", "Message type unknown").put("message", "Message type unknown")
                        .put("error_data", new JsonObject().put("details", "Message type is currently not supported."))));
        JsonObject revoke = message(noticed.getString("phone"), "revoke", new JsonObject()
                .put("original_message_id", "wamid.ORIGINAL"));
        JsonObject edit = message(noticed.getString("phone"), "edit", new JsonObject()
                .put("original_message_id", "wamid.ORIGINAL").put("message", new JsonObject().put("type", "text")
                        .put("text", new JsonObject().put("body", "edited"))));
        JsonObject reply = message(answered.getString("phone"), "text", new JsonObject().put("body", "Price for 50?"))
                .put("context", new JsonObject().put("from", "15550001111")
                        .put("id", answered.getString("provider_message_id")))
                // Meta's timestamps are whole seconds: a reply stamped in the send's own second would sort before
                // the send and make no turn, so it is stamped after it, as a real reply is
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond() + 2));
        post(messages(reaction, removed, system, unsupported, revoke, edit, reply)).statusCode(200);

        Map<String, Object> counters = given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("counters");
        assertThat(((Number) counters.get("replied")).intValue()).isEqualTo(1);
        assertThat(((Number) counters.get("reacted")).intValue()).isEqualTo(1);

        List<Map<String, Object>> changed = given().queryParam("updatedAfter", before.toString())
                .queryParam("limit", 500).get("/api/v1/sends").then().statusCode(200).extract().jsonPath()
                .getList("items");
        Map<String, Map<String, Object>> byId = changed.stream().collect(Collectors.toMap(
                s -> (String) s.get("id"), s -> s));
        assertThat(byId.get(reacted.getUUID("id").toString())).containsEntry("repliedAt", null)
                .extractingByKey("reactedAt").isNotNull();
        assertThat(byId.get(answered.getUUID("id").toString())).extractingByKey("repliedAt").isNotNull();
        for (Row untouched : List.of(unreacted, noticed)) {
            Map<String, Object> view = byId.get(untouched.getUUID("id").toString());
            assertThat(view.get("repliedAt")).as("repliedAt").isNull();
            assertThat(view.get("reactedAt")).as("reactedAt").isNull();
        }

        // a conversation holds the send and what was said, not the notices about it; the window is this test's
        // own minutes, because other tests send to the same fixture phones (some with clocks set in the future)
        String to = Instant.now().plusSeconds(60).toString();
        given().queryParam("phone", noticed.getString("phone")).queryParam("from", before.toString())
                .queryParam("to", to).get("/api/v1/conversations").then().statusCode(200)
                .body("items[0].messages", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].inbound", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("phone", answered.getString("phone")).queryParam("from", before.toString())
                .queryParam("to", to).get("/api/v1/conversations").then().statusCode(200)
                .body("items[0].inbound", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].turns", org.hamcrest.Matchers.equalTo(1));

        // contacts-service hears of the reaction and the reply, not of what says nothing new
        while (contactSync.syncOnce().await().atMost(WAIT) > 0) {
            // drain
        }
        Set<String> ids = Set.of(reaction.getString("id"), removed.getString("id"), system.getString("id"),
                unsupported.getString("id"), revoke.getString("id"), edit.getString("id"), reply.getString("id"));
        List<JsonObject> forwarded = FakeContactsService.INTERACTIONS.stream()
                .filter(i -> ids.contains(i.getString("externalId"))).toList();
        assertThat(forwarded).extracting(i -> i.getString("messageType"))
                .containsExactlyInAnyOrder("reaction", "text");
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }
}
