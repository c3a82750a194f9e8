package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** The alerts read campaign-service's account-health events: a template or number in trouble now fires. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class AccountHealthAlertsApiTest {

    private static JsonObject template(String name, String event, String severity, Instant at, String reason) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("field", "message_template_status_update")
                .put("event", event).put("severity", severity).put("at", at.toString())
                .put("templateName", name).put("templateLanguage", "en_US").put("reason", reason);
    }

    @Test
    void aPausedTemplateAndAFlaggedNumberFireWhileARecoveredTemplateDoesNot() {
        Instant now = Instant.now();
        String paused = "promo_" + UUID.randomUUID().toString().substring(0, 8);
        String recovered = "promo_" + UUID.randomUUID().toString().substring(0, 8);
        String number = "1555" + (1_000_000 + (int) (System.nanoTime() % 8_999_999));
        FakeUpstreams.ACCOUNT_EVENTS.add(template(paused, "PAUSED", "critical", now.minus(Duration.ofHours(2)),
                "Your template has been paused due to low quality."));
        FakeUpstreams.ACCOUNT_EVENTS.add(template(recovered, "PAUSED", "critical", now.minus(Duration.ofHours(3)),
                null));
        FakeUpstreams.ACCOUNT_EVENTS.add(template(recovered, "APPROVED", "info", now.minus(Duration.ofHours(1)),
                null));
        FakeUpstreams.ACCOUNT_EVENTS.add(new JsonObject().put("id", UUID.randomUUID().toString())
                .put("field", "phone_number_quality_update").put("event", "FLAGGED").put("severity", "warning")
                .put("at", now.minus(Duration.ofMinutes(30)).toString()).put("displayPhoneNumber", number)
                .put("currentLimit", "TIER_2K"));

        given().get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.find { it.id == 'accountHealth:template:" + paused + ":en_US' }.status", equalTo("alert"))
                .body("alerts.find { it.id == 'accountHealth:template:" + paused + ":en_US' }.severity",
                        equalTo("critical"))
                .body("alerts.find { it.id == 'accountHealth:template:" + paused + ":en_US' }.message",
                        containsString("paused due to low quality"))
                .body("alerts.find { it.id == 'accountHealth:phone:" + number + "' }.severity", equalTo("warning"))
                .body("alerts.id", not(hasItem("accountHealth:template:" + recovered + ":en_US")));
    }
}
