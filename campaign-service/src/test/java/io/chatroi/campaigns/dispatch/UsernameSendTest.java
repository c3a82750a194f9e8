package io.chatroi.campaigns.dispatch;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.webhook.MetaUsernamePayloads;
import io.chatroi.campaigns.webhook.MetaWebhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A campaign reaches a WhatsApp user known by username alone through the Cloud API's recipient field, its receipts
 * fold, and the user's reply (from_user_id, no phone, no context) is credited to the send.
 */
@QuarkusTest
@QuarkusTestResource(FakeGraphApi.class)
class UsernameSendTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void aUsernameOnlyContactIsSentToByBsuidAndItsReplyIsCredited() {
        Instant start = Instant.now().minusSeconds(1);
        String template = CampaignFixtures.template("marketing");
        String id = CampaignFixtures.launchAndDispatch(dispatcher, CampaignFixtures.campaign(
                Map.of("filter", Map.of("tagsAll", List.of(FakeContactsService.USERNAME_TAG))), 0, template));

        Row send = pool.preparedQuery("SELECT * FROM sends WHERE campaign_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
        assertThat(send.getString("status")).isEqualTo("sent");
        assertThat(send.getString("phone")).isNull();
        JsonObject call = FakeGraphApi.ACCEPTED.stream()
                .filter(body -> send.getUUID("id").toString().equals(body.getString("biz_opaque_callback_data")))
                .findFirst().orElseThrow();
        assertThat(call.containsKey("to")).as("no phone to send to").isFalse();
        assertThat(call.getString("recipient")).isEqualTo(FakeContactsService.USERNAME_BSUID);
        assertThat(call.getString("recipient_type")).isEqualTo("individual");

        String messageId = send.getString("provider_message_id");
        MetaWebhook.postRaw(MetaUsernamePayloads.deliveredToBsuid(messageId, Instant.now().getEpochSecond()))
                .statusCode(200);
        given().get("/api/v1/message-states?messageId=" + messageId).then().statusCode(200)
                .body("status", equalTo("delivered")).body("recipientUserId", equalTo(FakeContactsService.USERNAME_BSUID));

        // the reply names the user by BSUID only and answers no message in particular
        MetaWebhook.postRaw(MetaUsernamePayloads.usernameText(MetaWebhook.wamid(), Instant.now().getEpochSecond() + 2))
                .statusCode(200);
        given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("counters.sent", equalTo(1)).body("counters.delivered", equalTo(1))
                .body("counters.replied", equalTo(1));
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);

        // the send and the reply are one conversation of the contact, found by contact id and by BSUID alike
        String templateName = given().get("/api/v1/templates/" + template).then().statusCode(200)
                .extract().path("name");
        for (Map.Entry<String, String> query : List.of(
                Map.entry("contactId", FakeContactsService.USERNAME_CONTACT.toString()),
                Map.entry("userId", FakeContactsService.USERNAME_BSUID))) {
            given().queryParam(query.getKey(), query.getValue()).queryParam("from", start.toString())
                    .queryParam("to", Instant.now().plusSeconds(60).toString()).get("/api/v1/conversations")
                    .then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].phone", nullValue())
                    .body("items[0].whatsappUserId", equalTo(FakeContactsService.USERNAME_BSUID))
                    .body("items[0].outbound", equalTo(1)).body("items[0].inbound", equalTo(1))
                    .body("items[0].turns", equalTo(1))
                    .body("items[0].items.source", contains("campaign", "whatsapp"))
                    .body("items[0].items.text", contains(templateName, "Does it come in another color?"));
        }
        given().queryParam("userId", "+4930123").get("/api/v1/conversations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("userId"));
    }
}
