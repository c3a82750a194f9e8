package io.chatroi.e2e;

import io.chatroi.common.testing.ContractValidation;
import io.chatroi.common.testing.TwilioForms;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The same A/B campaign on the Twilio provider: a campaign-service deployed with CAMPAIGN_PROVIDER=twilio (the
 * provider is a deployment setting) sends it through a local Twilio stand-in to contacts imported through the
 * gateway. Twilio's signed status callbacks then arrive out of order and twice, one message fails with a Twilio error
 * code, a buyer replies; the campaign's counters match, the reply reaches contacts-service, and forged or missing
 * signatures store nothing. It adds contacts, so it runs after the walks that assert totals.
 */
@ExtendWith(Stack.class)
@Order(Integer.MAX_VALUE)
class TwilioEndToEndTest {

    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String WEBHOOK = "http://127.0.0.1:" + Services.TWILIO_CAMPAIGN + "/webhooks/twilio";
    private static TwilioStandIn twilio;
    /** The Twilio deployment is reached without the gateway: its calls are held to campaign-service's own contract. */
    private static ContractValidation campaignContract;

    @BeforeAll
    static void startTwilioDeployment() throws Exception {
        campaignContract = ContractValidation.of("campaign-service/openapi.yaml",
                Files.readString(Services.root().resolve("campaign-service/openapi.yaml")));
        twilio = new TwilioStandIn(Services.TWILIO_SID, Services.TWILIO_TOKEN);
        Stack.services().startTwilioCampaigns(twilio.url());
    }

    @AfterAll
    static void stopStandIn() {
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void aCampaignOnTwilioCountsItsOutOfOrderSignedCallbacksAndItsReply() {
        String manager = key("manager", null);
        String tag = "e2e-twilio-" + RUN;
        long base = 60_000_000 + (System.nanoTime() % 9_000_000);
        List<String> phones = List.of("+4930" + base, "+4930" + (base + 1), "+4930" + (base + 2));
        as(key("integrator", null)).contentType("text/csv").body("phone,name,owner,tags\n"
                        + phones.get(0) + ",Twilio buyer,alice," + tag + "\n" + phones.get(1) + ",Twilio unreachable,alice,"
                        + tag + "\n" + phones.get(2) + ",Twilio reader,alice," + tag + "\n")
                .post("/api/v1/contacts/import").then().statusCode(200).body("created", equalTo(3));

        String campaign = launch(tag);
        Map<String, Object> counters = await("the Twilio campaign handed to Twilio", WAIT, () -> {
            Map<String, Object> view = campaigns().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                    .extract().jsonPath().getMap("counters");
            return ((Number) view.get("sent")).intValue() == 3 ? view : null;
        });
        assertThat(((Number) counters.get("delivered")).intValue()).isZero();
        List<Map<String, Object>> sends = campaigns().get("/api/v1/campaigns/" + campaign + "/sends").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> buyer = message(sends, phones.get(0));
        Map<String, String> unreachable = message(sends, phones.get(1));
        Map<String, String> reader = message(sends, phones.get(2));
        assertThat(buyer).containsEntry("From", Services.TWILIO_FROM)
                .containsEntry("ContentSid", Services.TWILIO_CONTENT_SID);
        assertThat(buyer.get("ContentVariables")).startsWith("{\"1\":\"friend\",\"2\":\"Sunday\",\"3\":\"");

        // Twilio's callbacks, out of order and repeated: read before delivered, a late "sent", the same read again
        status(buyer, "read", null);
        status(buyer, "delivered", null);
        status(buyer, "sent", null);
        status(buyer, "read", null);
        status(unreachable, "undelivered", "63016");
        status(reader, "delivered", null);
        status(reader, "sent", null);
        Map<String, String> reply = inbound(phones.get(0), "How much is the price per unit?", buyer.get("Sid"));
        for (int delivery = 0; delivery < 2; delivery++) {
            post(WEBHOOK, reply, E2e.twilioSignature(Services.TWILIO_TOKEN, WEBHOOK, reply)).statusCode(200)
                    .body("messages", equalTo(1));
        }

        // forged, missing, or keyed with another token: 401 and nothing stored
        Map<String, String> forgedRead = statusForm(reader, "read", null);
        post(reader.get("StatusCallback"), forgedRead, "Zm9yZ2Vk").statusCode(401);
        post(reader.get("StatusCallback"), forgedRead, null).statusCode(401);
        Map<String, String> forgedReply = inbound(phones.get(2), "How much is the price per unit?", reader.get("Sid"));
        post(WEBHOOK, forgedReply, E2e.twilioSignature("not-the-auth-token", WEBHOOK, forgedReply)).statusCode(401);

        Map<String, Object> after = campaigns().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .extract().jsonPath().getMap("counters");
        assertThat(count(after, "sent")).as("counters %s", after).isEqualTo(3);
        assertThat(count(after, "delivered")).as("counters %s", after).isEqualTo(2);
        assertThat(count(after, "read")).as("counters %s", after).isEqualTo(1);
        assertThat(count(after, "failed")).as("counters %s", after).isEqualTo(1);
        assertThat(count(after, "replied")).as("counters %s", after).isEqualTo(1);
        Map<String, Object> failedByCode = campaigns().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .extract().jsonPath().getMap("counters.failedByCode");
        assertThat(failedByCode).containsOnlyKeys("131047");
        campaigns().get("/api/v1/message-states/" + reader.get("Sid")).then().statusCode(200)
                .body("status", equalTo("delivered"));
        campaigns().get("/api/v1/message-states/" + unreachable.get("Sid")).then().statusCode(200)
                .body("status", equalTo("failed")).body("errorCode", equalTo(131047));

        // the reply crossed to contacts-service as the buyer's inbound message; the forged one did not
        String buyerId = contactId(manager, phones.get(0));
        await("the Twilio reply raises the buyer's intent", WAIT, () -> "high".equals(as(manager)
                .get("/api/v1/contacts/" + buyerId).then().statusCode(200).extract().path("intent")) ? true : null);
        assertThat(as(manager).get("/api/v1/contacts/" + contactId(manager, phones.get(2))).then().statusCode(200)
                .extract().<String>path("intent")).isNotEqualTo("high");
    }

    /** The Twilio deployment's own API, called as the gateway calls a service: with the internal token. */
    private static RequestSpecification campaigns() {
        return direct().port(Services.TWILIO_CAMPAIGN).header("X-ChatROI-Internal-Token", Services.INTERNAL_TOKEN);
    }

    private static RequestSpecification direct() {
        return given().noFilters().filter(campaignContract);
    }

    private static String launch(String tag) {
        String template = campaigns().contentType("application/json").body(Map.of("name", Services.TWILIO_TEMPLATE,
                        "language", "en_US", "category", "marketing", "body", "Hi {{1}}, the LED sale ends {{2}}",
                        "buttons", List.of(Map.of("type", "url", "text", "Shop now", "url", "https://shop.example.com/led"))))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        String campaign = campaigns().contentType("application/json").body(E2e.campaign("e2e twilio " + RUN,
                        Map.of("filter", Map.of("tagsAll", List.of(tag))), template, template))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        campaigns().post("/api/v1/campaigns/" + campaign + "/launch").then().statusCode(200);
        return campaign;
    }

    /** The Messages API call Twilio received for the send to {@code phone}, its StatusCallback naming that send. */
    private static Map<String, String> message(List<Map<String, Object>> sends, String phone) {
        Map<String, Object> send = sends.stream().filter(s -> phone.equals(s.get("phone"))).findFirst().orElseThrow();
        Map<String, String> form = twilio.messageTo(phone);
        assertThat(form).as("Twilio's call for %s", phone).isNotNull()
                .containsEntry("StatusCallback", WEBHOOK + "?send=" + send.get("id"));
        return form;
    }

    private static void status(Map<String, String> message, String status, String errorCode) {
        Map<String, String> form = statusForm(message, status, errorCode);
        post(message.get("StatusCallback"), form,
                E2e.twilioSignature(Services.TWILIO_TOKEN, message.get("StatusCallback"), form)).statusCode(200)
                .body("statuses", equalTo(1));
    }

    private static Map<String, String> statusForm(Map<String, String> message, String status, String errorCode) {
        return TwilioForms.status(Services.TWILIO_SID, message.get("Sid"), message.get("From"), message.get("To"),
                status, errorCode);
    }

    private static Map<String, String> inbound(String from, String body, String repliedTo) {
        return TwilioForms.inbound(Services.TWILIO_SID, "SM" + Long.toHexString(System.nanoTime()) + RUN,
                "whatsapp:" + from, Services.TWILIO_FROM, body, repliedTo);
    }

    /** Posts a form as Twilio does to {@code url} (the callback URL it was given), with the signature when not null. */
    private static ValidatableResponse post(String url, Map<String, String> form, String signature) {
        RequestSpecification request = direct().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParams(form);
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.post(url).then();
    }

    private static int count(Map<String, Object> counters, String name) {
        return ((Number) counters.get(name)).intValue();
    }

    private static String contactId(String manager, String phone) {
        return as(manager).queryParam("q", phone).get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items[0].id");
    }
}
