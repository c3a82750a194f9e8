package io.chatroi.campaigns.health;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** phone_number_quality_update and account_update are stored once and read back as typed, paged records. */
@QuarkusTest
class AccountEventsApiTest {

    @Test
    void qualityAndAccountUpdatesAreListedNewestFirstWithTheirSeverity() {
        long t = 1_500_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        byte[] quality = HealthWebhooks.delivery(HealthEvent.PHONE_QUALITY, t, new JsonObject()
                .put("display_phone_number", "15550783881").put("event", "FLAGGED")
                .put("current_limit", "TIER_10K").put("max_daily_conversations_per_business", "TIER_10K"));
        byte[] downgrade = HealthWebhooks.delivery(HealthEvent.PHONE_QUALITY, t + 1, new JsonObject()
                .put("display_phone_number", "15550783881").put("event", "DOWNGRADE").put("old_limit", "TIER_10K")
                .put("current_limit", "TIER_2K").put("max_daily_conversations_per_business", "TIER_2K"));
        byte[] violation = HealthWebhooks.delivery(HealthEvent.ACCOUNT, t + 2, new JsonObject()
                .put("phone_number", "15550783881").put("event", "ACCOUNT_VIOLATION")
                .put("violation_info", new JsonObject().put("violation_type", "SCAM")));
        byte[] ban = HealthWebhooks.delivery(HealthEvent.ACCOUNT, t + 3, new JsonObject()
                .put("event", "DISABLED_UPDATE").put("ban_info", new JsonObject().put("waba_ban_state", "DISABLE")
                        .put("waba_ban_date", "October 9, 2023"))
                .put("restriction_info", new JsonArray()));
        for (byte[] delivery : new byte[][]{quality, downgrade, violation, ban, quality}) {
            HealthWebhooks.post(delivery).statusCode(200);
        }
        String from = Instant.ofEpochSecond(t).toString();
        String to = Instant.ofEpochSecond(t + 4).toString();

        given().queryParam("from", from).queryParam("to", to).get("/api/v1/account-events").then().statusCode(200)
                .body("items.size()", equalTo(4))
                .body("items[0].field", equalTo("account_update")).body("items[0].event", equalTo("DISABLED_UPDATE"))
                .body("items[0].banState", equalTo("DISABLE")).body("items[0].severity", equalTo("critical"))
                .body("items[1].violationType", equalTo("SCAM")).body("items[1].severity", equalTo("critical"))
                .body("items[1].displayPhoneNumber", equalTo("15550783881"))
                .body("items[2].field", equalTo("phone_number_quality_update"))
                .body("items[2].event", equalTo("DOWNGRADE")).body("items[2].oldLimit", equalTo("TIER_10K"))
                .body("items[2].currentLimit", equalTo("TIER_2K")).body("items[2].severity", equalTo("warning"))
                .body("items[3].event", equalTo("FLAGGED")).body("items[3].oldLimit", nullValue())
                .body("items[3].maxDailyConversations", equalTo("TIER_10K"))
                .body("items[3].at", equalTo(from)).body("items[3].receivedAt", notNullValue());

        String next = given().queryParam("from", from).queryParam("to", to).queryParam("limit", 3)
                .get("/api/v1/account-events").then().statusCode(200).body("items.size()", equalTo(3))
                .extract().path("nextCursor");
        given().queryParam("from", from).queryParam("to", to).queryParam("limit", 3).queryParam("after", next)
                .get("/api/v1/account-events").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].event", equalTo("FLAGGED")).body("nextCursor", nullValue());
        given().queryParam("from", from).queryParam("to", to).queryParam("field", "phone_number_quality_update")
                .get("/api/v1/account-events").then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        given().queryParam("field", "messages").get("/api/v1/account-events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("field"));
        given().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/account-events").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "yesterday").get("/api/v1/account-events").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
