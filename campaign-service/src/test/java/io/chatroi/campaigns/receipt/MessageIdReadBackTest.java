package io.chatroi.campaigns.receipt;

import io.chatroi.campaigns.webhook.MetaWebhook;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every stored message id can be read back, whatever characters it holds, without loosening path hygiene. */
@QuarkusTest
class MessageIdReadBackTest {

    @Test
    void aBase64IdWithSlashesAndPlusSignsIsReadByQueryParameter() {
        String id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZC/M0Y2RTdCNEQ+RjUzAA==" + System.nanoTime();
        MetaWebhook.post(new JsonObject().put("statuses", new JsonArray().add(new JsonObject().put("id", id)
                .put("status", "read").put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .put("recipient_id", "16505551234")))).statusCode(200);

        given().queryParam("messageId", id).get("/api/v1/message-states").then().statusCode(200)
                .body("messageId", equalTo(id)).body("status", equalTo("read"))
                .body("receipts[0].status", equalTo("read"));
        // the path form still refuses an encoded slash, as every service does
        given().urlEncodingEnabled(false).get("/api/v1/message-states/" + id.replace("/", "%2F")).then()
                .statusCode(400);
        given().queryParam("messageId", "wamid.never/seen").get("/api/v1/message-states").then().statusCode(404);
        given().get("/api/v1/message-states").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("messageId"));
    }
}
