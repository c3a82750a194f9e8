package io.chatroi.campaigns.twilio;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.chatroi.common.testing.TwilioForms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A campaign sent through Twilio (the local stand-in): the Messages API call, then signed status callbacks out of
 * order, a failure with a Twilio error code, a duplicate and an inbound reply, all in the same counters as Meta's.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeTwilioApi.class, restrictToAnnotatedClass = true)
class TwilioProviderTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PUBLIC_CALLBACK = "https://chatroi.example.com/webhooks/twilio";

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void aCampaignGoesOutThroughTwilioAndItsSignedCallbacksAndRepliesCountLikeMetas() {
        String contentSid = "hx" + UUID.randomUUID().toString().replace("-", "");
        String template = CampaignFixtures.post("/api/v1/templates", Map.of("name", contentSid, "language", "en_US",
                "category", "marketing", "body", "Hi {{1}}, our spring sale ends {{2}}",
                "buttons", List.of(Map.of("type", "url", "text", "Shop", "url", "https://shop.example.com"))))
                .statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>(CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, template));
        body.put("name", "Twilio " + contentSid);
        String campaign = CampaignFixtures.launchAndDispatch(dispatcher, body);

        List<Row> sent = CampaignFixtures.sent(pool, campaign);
        assertThat(sent).hasSizeGreaterThan(3);
        Row first = sent.get(0);
        Map<String, String> call = FakeTwilioApi.ACCEPTED.stream()
                .filter(form -> form.get("Sid").equals(first.getString("provider_message_id"))).findFirst().orElseThrow();
        assertThat(call).containsEntry("From", "whatsapp:+15550001111")
                .containsEntry("To", "whatsapp:" + first.getString("phone")).containsEntry("ContentSid", contentSid)
                .containsEntry("StatusCallback", PUBLIC_CALLBACK + "?send=" + first.getUUID("id"));
        JsonObject variables = new JsonObject(call.get("ContentVariables"));
        assertThat(variables.getString("1")).isEqualTo("friend");
        assertThat(variables.getString("2")).isEqualTo("Sunday");
        assertThat(variables.getString("3")).matches("[A-Za-z0-9_-]{34}");

        // out of order: read before delivered; then the same delivered again
        callback(first, "read", null);
        callback(first, "delivered", null);
        callback(first, "delivered", null);
        Row second = sent.get(1);
        callback(second, "undelivered", "63016");
        Row third = sent.get(2);
        callback(third, "delivered", null);
        Map<String, String> reply = TwilioForms.inbound(FakeTwilioApi.SID,
                "SM" + UUID.randomUUID().toString().replace("-", ""), "whatsapp:" + third.getString("phone"),
                "whatsapp:+15550001111", "How much for 500 units?", third.getString("provider_message_id"));
        post(PUBLIC_CALLBACK, reply, null).statusCode(200).body("messages", equalTo(1));
        post(PUBLIC_CALLBACK, reply, null).statusCode(200);

        given().get("/api/v1/message-states/" + first.getString("provider_message_id")).then().statusCode(200)
                .body("status", equalTo("read"));
        given().get("/api/v1/message-states/" + second.getString("provider_message_id")).then().statusCode(200)
                .body("status", equalTo("failed")).body("errorCode", equalTo(131047));
        Map<String, Object> counters = given().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .extract().jsonPath().getMap("counters");
        assertThat(((Number) counters.get("read")).intValue()).isEqualTo(1);
        assertThat(((Number) counters.get("delivered")).intValue()).isEqualTo(2);
        assertThat(((Number) counters.get("replied")).intValue()).isEqualTo(1);
        long inbound = pool.preparedQuery("SELECT count(*) FROM inbound_messages WHERE message_id = $1")
                .execute(Tuple.of(reply.get("MessageSid"))).await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(inbound).isEqualTo(1);

        // a forged, a missing, and a signature over the pod's own address instead of the public URL: nothing stored
        Row fourth = sent.get(3);
        Map<String, String> status = statusForm(fourth, "delivered", null);
        post(PUBLIC_CALLBACK + "?send=" + fourth.getUUID("id"), status, "Zm9yZ2Vk").statusCode(401);
        post(PUBLIC_CALLBACK + "?send=" + fourth.getUUID("id"), status, "").statusCode(401);
        String podUrl = "http://localhost:" + io.restassured.RestAssured.port + "/webhooks/twilio?send=" + fourth.getUUID("id");
        post(PUBLIC_CALLBACK + "?send=" + fourth.getUUID("id"), status,
                new TwilioSignature(FakeTwilioApi.TOKEN).sign(podUrl, multi(status))).statusCode(401);
        long receipts = pool.preparedQuery("SELECT count(*) FROM receipts WHERE message_id = $1")
                .execute(Tuple.of(fourth.getString("provider_message_id"))).await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(receipts).isZero();
    }

    private static void callback(Row send, String status, String errorCode) {
        post(PUBLIC_CALLBACK + "?send=" + send.getUUID("id"), statusForm(send, status, errorCode), null).statusCode(200)
                .body("statuses", equalTo(1));
    }

    private static Map<String, String> statusForm(Row send, String status, String errorCode) {
        return TwilioForms.status(FakeTwilioApi.SID, send.getString("provider_message_id"), "whatsapp:+15550001111",
                "whatsapp:" + send.getString("phone"), status, errorCode);
    }

    /** Posts a form as Twilio does, signed over {@code signedUrl} unless a signature is given. */
    private static io.restassured.response.ValidatableResponse post(String signedUrl, Map<String, String> form,
                                                                     String signature) {
        String header = signature != null ? signature
                : new TwilioSignature(FakeTwilioApi.TOKEN).sign(signedUrl, multi(form));
        String query = signedUrl.contains("?") ? signedUrl.substring(signedUrl.indexOf('?')) : "";
        var request = given().contentType("application/x-www-form-urlencoded; charset=utf-8").formParams(form);
        if (!header.isEmpty()) {
            request = request.header("X-Twilio-Signature", header);
        }
        return request.post("/webhooks/twilio" + query).then();
    }

    private static Map<String, List<String>> multi(Map<String, String> form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        form.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
