package io.chatroi.campaigns.webhook;

import io.chatroi.common.testing.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WebhookApiTest {

    @Inject
    Pool pool;

    private static ValidatableResponse post(String body) {
        return SignedWebhooks.postMeta(body);
    }

    private static String envelope(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550001111\",\"phone_number_id\":\"PNID\"}," + value + "}}]}]}";
    }

    private static String status(String id, String status, long ts, String extra) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + ts
                + "\",\"recipient_id\":\"16505551234\"" + extra + "}";
    }

    private static String wamid() {
        return "wamid." + UUID.randomUUID();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheRightToken() {
        given().get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aMissingOrWrongSignatureIsRejectedAndStoresNothing() {
        String id = wamid();
        String body = envelope("\"statuses\":[" + status(id, "sent", 1750030073L, "") + "]");
        long before = count("SELECT count(*) FROM webhook_deliveries");
        given().contentType("application/json").body(body).post("/webhooks/whatsapp")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header(SignedWebhooks.SIGNATURE_HEADER,
                        SignedWebhooks.metaSignature(SignedWebhooks.testAppSecret(), "other".getBytes()))
                .body(body).post("/webhooks/whatsapp").then().statusCode(401);
        // signed over different bytes: the same JSON re-serialised with a space is not what was signed
        given().contentType("application/json").header(SignedWebhooks.SIGNATURE_HEADER,
                        SignedWebhooks.metaSignature(SignedWebhooks.testAppSecret(), body.getBytes()))
                .body(body + " ").post("/webhooks/whatsapp").then().statusCode(401);
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM receipts WHERE message_id = $1", id)).isZero();
    }

    @Test
    void outOfOrderAndDuplicateReceiptsFoldToTheHighestState() {
        String id = wamid();
        post(envelope("\"statuses\":[" + status(id, "read", 1750030200L, "") + "]")).statusCode(200)
                .body("statuses", equalTo(1));
        post(envelope("\"statuses\":[" + status(id, "delivered", 1750030100L,
                ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\","
                        + "\"category\":\"marketing\"}") + "," + status(id, "sent", 1750030073L, "") + ","
                + status(id, "sent", 1750030073L, "") + "]")).statusCode(200);
        // Meta retries the same delivery: harmless
        post(envelope("\"statuses\":[" + status(id, "read", 1750030200L, "") + "]")).statusCode(200);
        given().get("/api/v1/message-states/" + id).then().statusCode(200)
                .body("status", equalTo("read"))
                .body("recipient", equalTo("+16505551234"))
                .body("sentAt", equalTo("2025-06-15T23:27:53Z"))
                .body("deliveredAt", equalTo("2025-06-15T23:28:20Z"))
                .body("readAt", equalTo("2025-06-15T23:30:00Z"))
                .body("pricingCategory", equalTo("marketing")).body("billable", equalTo(true))
                .body("receipts.status", equalTo(java.util.List.of("sent", "delivered", "read")));
    }

    @Test
    void readWithoutDeliveredImpliesDelivered() {
        String id = wamid();
        post(envelope("\"statuses\":[" + status(id, "read", 1750030200L, "") + "]")).statusCode(200);
        given().get("/api/v1/message-states/" + id).then()
                .body("status", equalTo("read")).body("deliveredAt", equalTo("2025-06-15T23:30:00Z"))
                .body("sentAt", equalTo("2025-06-15T23:30:00Z"));
    }

    @Test
    void failuresKeepTheirCodeAndUnknownStatusesAreStoredNotRejected() {
        String failed = wamid();
        post(envelope("\"statuses\":[" + status(failed, "failed", 1750030100L,
                ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\",\"message\":\"Message undeliverable\","
                        + "\"error_data\":{\"details\":\"x\"}}]") + "]")).statusCode(200);
        given().get("/api/v1/message-states/" + failed).then()
                .body("status", equalTo("failed")).body("errorCode", equalTo(131026))
                .body("errorTitle", equalTo("Message undeliverable"));
        String odd = wamid();
        post(envelope("\"statuses\":[" + status(odd, "sent", 1750030000L, "") + ","
                + status(odd, "hologram_projected", 1750030300L, ",\"new_field\":{\"x\":1}") + "]")).statusCode(200);
        given().get("/api/v1/message-states/" + odd).then()
                .body("status", equalTo("sent"))
                .body("receipts.status", equalTo(java.util.List.of("sent", "hologram_projected")));
    }

    @Test
    void receiptsForUnknownMessagesAreKept() {
        String orphan = wamid();
        post(envelope("\"statuses\":[" + status(orphan, "delivered", 1750030100L, "") + "]")).statusCode(200);
        given().get("/api/v1/message-states/" + orphan).then().statusCode(200).body("status", equalTo("delivered"));
        given().get("/api/v1/message-states/wamid.never-seen").then().statusCode(404);
    }

    @Test
    void inboundMessagesPreferencesAndAccountErrorsAreStored() {
        String text = wamid();
        String button = wamid();
        String body = envelope("\"contacts\":[{\"profile\":{\"name\":\"Li Wei\"},\"wa_id\":\"8613800138000\"}],"
                + "\"messages\":[{\"from\":\"8613800138000\",\"id\":\"" + text + "\",\"timestamp\":\"1750030300\","
                + "\"type\":\"text\",\"text\":{\"body\":\"多少钱？\"},\"context\":{\"from\":\"15550001111\",\"id\":\"wamid.ctx\"}},"
                + "{\"from\":\"8613800138000\",\"id\":\"" + button + "\",\"timestamp\":\"1750030301\",\"type\":\"button\","
                + "\"button\":{\"payload\":\"STOP_PROMOTIONS\",\"text\":\"Stop promotions\"}}]");
        post(body).statusCode(200).body("messages", equalTo(2));
        post(body).statusCode(200);
        assertThat(count("SELECT count(*) FROM inbound_messages WHERE message_id IN ($1, $2)", text, button))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM inbound_messages WHERE message_id = $1 AND from_phone = '+8613800138000'"
                + " AND text = '多少钱？' AND context_id = 'wamid.ctx' AND profile_name = 'Li Wei'", text)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbound_messages WHERE message_id = $1 AND payload = 'STOP_PROMOTIONS'",
                button)).isEqualTo(1);

        String prefs = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
                + "\"user_preferences\",\"value\":{\"messaging_product\":\"whatsapp\",\"user_preferences\":[{\"wa_id\":"
                + "\"4915112345678\",\"detail\":\"User requested to stop marketing messages\",\"category\":"
                + "\"marketing_messages\",\"value\":\"stop\",\"timestamp\":1731705721}]}}]}]}";
        post(prefs).statusCode(200).body("preferences", equalTo(1));
        assertThat(count("SELECT count(*) FROM preference_events WHERE phone = '+4915112345678' AND value = 'stop'"))
                .isEqualTo(1);

        long errorsBefore = count("SELECT count(*) FROM provider_errors WHERE code = 130429 AND scope = 'account'");
        post(envelope("\"errors\":[{\"code\":130429,\"title\":\"Rate limit hit\",\"message\":\"Rate limit hit\"}]"))
                .statusCode(200).body("errors", equalTo(1));
        assertThat(count("SELECT count(*) FROM provider_errors WHERE code = 130429 AND scope = 'account'")).isEqualTo(errorsBefore + 1);
    }

    @Test
    void otherProvidersPostNeutralReceiptsThatFoldTheSameWay() {
        String id = "ext-" + UUID.randomUUID();
        java.util.Map<String, Object> read = java.util.Map.of("messageId", id, "status", "read", "at", "2026-11-22T10:05:00Z");
        java.util.Map<String, Object> sent = java.util.Map.of("messageId", id, "status", "sent", "at", "2026-11-22T10:00:00Z");
        given().contentType("application/json").body(java.util.Map.of("items", java.util.List.of(read, sent, read)))
                .post("/api/v1/receipts").then().statusCode(200).body("receipts", equalTo(3));
        given().get("/api/v1/message-states/" + id).then().body("status", equalTo("read"))
                .body("deliveredAt", equalTo("2026-11-22T10:05:00Z")).body("sentAt", equalTo("2026-11-22T10:00:00Z"))
                .body("receipts.size()", equalTo(2));
        given().contentType("application/json").body(java.util.Map.of("items", java.util.List.of(
                        java.util.Map.of("status", "read")))).post("/api/v1/receipts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("items[0].messageId", "items[0].at"));
    }
}
