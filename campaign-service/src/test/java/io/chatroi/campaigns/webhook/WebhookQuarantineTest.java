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
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A signed delivery is never answered 5xx or 4xx for its content: what cannot be stored is quarantined. */
@QuarkusTest
class WebhookQuarantineTest {

    @Inject
    Pool pool;

    private static ValidatableResponse post(byte[] bytes) {
        return SignedWebhooks.postMeta(bytes);
    }

    private static byte[] envelope(String value) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\"," + value + "}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private List<String> reasonsFor(byte[] body) throws Exception {
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body));
        List<String> reasons = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT kind || ': ' || reason AS r FROM webhook_quarantine WHERE delivery_sha256 = $1"
                        + " ORDER BY kind, position").execute(Tuple.of(digest)).await().atMost(Duration.ofSeconds(5))
                .forEach(row -> reasons.add(row.getString("r")));
        return reasons;
    }

    @Test
    void aNulInAMessageIdQuarantinesThatStatusAndStoresTheRest() throws Exception {
        String good = "wamid." + UUID.randomUUID();
        String poisoned = "wamid." + UUID.randomUUID();
        byte[] body = envelope("\"statuses\":[{\"id\":\"" + good + "\",\"status\":\"sent\",\"timestamp\":\"1750030073\"},"
                + "{\"id\":\"" + poisoned + "\\u0000\",\"status\":\"sent\",\"timestamp\":\"1750030073\"}],"
                + "\"messages\":[{\"id\":\"wamid.in" + UUID.randomUUID() + "\",\"from\":\"16505551234\",\"timestamp\":"
                + "\"1750030073\",\"type\":\"text\",\"text\":{\"body\":\"hi\\u0000there\"}}]");
        long deliveries = count("SELECT count(*) FROM webhook_deliveries");
        post(body).statusCode(200);
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(deliveries + 1);
        assertThat(count("SELECT count(*) FROM receipts WHERE message_id = $1", good)).isOne();
        assertThat(count("SELECT count(*) FROM receipts WHERE message_id LIKE $1", poisoned + "%")).isZero();
        assertThat(reasonsFor(body)).containsExactly(
                "message: text must not contain control characters other than tab and newline",
                "status: id must not contain control characters (NUL, tab, newline...)");
        // Meta's retry of the same delivery changes nothing
        post(body).statusCode(200);
        assertThat(reasonsFor(body)).hasSize(2);
        assertThat(count("SELECT count(*) FROM receipts WHERE message_id = $1", good)).isOne();

        given().get("/api/v1/webhook-quarantine?limit=500").then().statusCode(200)
                .body("items.reference", org.hamcrest.Matchers.hasItem(poisoned + "\\u0000"));
    }

    @Test
    void anUnreadableSignedBodyIsStoredRawAndAcknowledged() throws Exception {
        for (byte[] body : List.of("{not json".getBytes(StandardCharsets.UTF_8),
                new byte[]{'{', 0, (byte) 0xff, '}'}, "[1,2]".getBytes(StandardCharsets.UTF_8),
                envelope("\"statuses\":[{\"id\":\"x\",\"status\":\"sent\",\"timestamp\":1e300}]"),
                envelope("\"statuses\":[{\"id\":\"x\",\"status\":\"sent\",\"timestamp\":99999999999999999}]"))) {
            post(body).statusCode(200);
            assertThat(reasonsFor(body)).hasSize(1).allSatisfy(reason -> assertThat(reason).startsWith("delivery: "));
        }
        byte[] nul = new byte[]{'{', 0, (byte) 0xff, '}'};
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(nul));
        List<String> raw = given().get("/api/v1/webhook-quarantine?limit=500").then().statusCode(200)
                .extract().path("items.findAll { it.deliverySha256 == '" + digest + "' }.rawBase64");
        assertThat(raw).containsExactly(Base64.getEncoder().encodeToString(nul));
        given().get("/api/v1/webhook-quarantine").then().statusCode(200)
                .body("count", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
    }
}
