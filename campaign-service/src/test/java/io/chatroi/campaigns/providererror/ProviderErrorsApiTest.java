package io.chatroi.campaigns.providererror;

import io.chatroi.campaigns.webhook.MetaWebhook;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Every error Meta reports is kept as data, once per delivery, and explained. */
@QuarkusTest
class ProviderErrorsApiTest {

    private static JsonObject error(int code, String title) {
        return new JsonObject().put("code", code).put("title", title).put("message", title)
                .put("error_data", new JsonObject().put("details", title + " (details)"))
                .put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
    }

    @Test
    void errorsBesideAndInsideStatusesAndMessagesAreKeptOncePerDeliveryAndExplained() {
        Instant before = Instant.now().minusSeconds(1);
        String failed = MetaWebhook.wamid();
        long ts = Instant.now().getEpochSecond();
        JsonObject status = new JsonObject().put("id", failed).put("status", "failed")
                .put("timestamp", String.valueOf(ts)).put("recipient_id", "16505551234")
                .put("errors", new JsonArray().add(error(131049, "This message was not delivered to maintain healthy"
                        + " ecosystem engagement.")));
        JsonObject unsupported = MetaWebhook.message("+16505559876", "unsupported", null)
                .put("errors", new JsonArray().add(error(131051, "Message type unknown")));
        JsonObject value = MetaWebhook.messages(unsupported).put("statuses", new JsonArray().add(status))
                .put("errors", new JsonArray().add(error(130429, "Rate limit hit")));
        // Meta retries a delivery it did not see answered: the same body twice stores each error once
        MetaWebhook.post(value.copy()).statusCode(200).body("errors", equalTo(3));
        MetaWebhook.post(value.copy()).statusCode(200);

        given().queryParam("from", before.toString()).get("/api/v1/provider-errors").then().statusCode(200)
                .body("items.findAll { it.code == 131049 }.size()", equalTo(1))
                .body("items.findAll { it.code == 131051 }.size()", equalTo(1))
                .body("items.findAll { it.code == 130429 && it.scope == 'value' }.size()", equalTo(1));
        given().queryParam("from", before.toString()).queryParam("code", 131049).get("/api/v1/provider-errors")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].scope", equalTo("status")).body("items[0].messageId", equalTo(failed))
                .body("items[0].phone", equalTo("+16505551234"))
                .body("items[0].at", equalTo(Instant.ofEpochSecond(ts).toString()))
                .body("items[0].explanation.title", equalTo("Meta chose not to deliver"))
                .body("items[0].explanation.retryable", equalTo(false))
                .body("nextCursor", nullValue());
        given().queryParam("from", before.toString()).queryParam("code", 131051).get("/api/v1/provider-errors")
                .then().statusCode(200).body("items[0].scope", equalTo("message"))
                .body("items[0].phone", equalTo("+16505559876"))
                .body("items[0].details", equalTo("Message type unknown (details)"));
        // the failed status's error also reaches the message's state
        given().get("/api/v1/message-states/" + failed).then().statusCode(200).body("errorCode", equalTo(131049));

        // an account-level error alone in its change, then paging through what came
        MetaWebhook.post(new JsonObject().put("errors", new JsonArray().add(error(131031, "Business account has"
                + " been locked")))).statusCode(200);
        var first = given().queryParam("from", before.toString()).queryParam("limit", 2).get("/api/v1/provider-errors")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("items[0].code", equalTo(131031))
                .body("items[0].scope", equalTo("account")).extract().jsonPath();
        given().queryParam("from", before.toString()).queryParam("limit", 2)
                .queryParam("after", first.getString("nextCursor")).get("/api/v1/provider-errors").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", nullValue());

        given().get("/api/v1/provider-errors/codes").then().statusCode(200)
                .body("items.code", hasItems(131026, 131047, 131049, 131051, 131053, 130429, 130472, 131031, 132000,
                        132001))
                .body("items.find { it.code == 131047 }.action", equalTo(
                        "Send an approved template instead of a free-form message."));
        for (List<String> bad : List.of(List.of("code", "abc"), List.of("from", "yesterday"),
                List.of("after", "nonsense"), List.of("limit", "0"))) {
            given().queryParam(bad.get(0), bad.get(1)).get("/api/v1/provider-errors").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad.get(0)));
        }
    }
}
