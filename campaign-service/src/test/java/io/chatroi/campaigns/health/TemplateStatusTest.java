package io.chatroi.campaigns.health;

import io.chatroi.campaigns.campaign.FakeContactsService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.chatroi.campaigns.campaign.CampaignFixtures.campaign;
import static io.chatroi.campaigns.campaign.CampaignFixtures.post;
import static io.chatroi.campaigns.campaign.CampaignFixtures.template;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** message_template_status_update moves the template; a paused template pauses its campaigns and blocks launches. */
@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class TemplateStatusTest {

    private static final Map<String, Object> VIP = Map.of("filter", Map.of("tagsAll", List.of("vip")));

    /** A moment of its own in the past, so this test's events are the only ones in its window. */
    private static long someSecond() {
        return 1_500_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
    }

    private static String nameOf(String templateId) {
        return given().get("/api/v1/templates/" + templateId).then().statusCode(200).extract().path("name");
    }

    @Test
    void aPausedTemplatePausesItsSendingCampaignWithTheReasonAndBlocksLaunches() {
        String templateId = template("marketing");
        String name = nameOf(templateId);
        String sending = post("/api/v1/campaigns", campaign(VIP, 0, templateId)).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + sending + "/launch").then().statusCode(200)
                .body("status", equalTo("sending"));
        String draft = post("/api/v1/campaigns", campaign(VIP, 0, templateId)).statusCode(201).extract().path("id");
        long t = someSecond();

        HealthWebhooks.post(HealthWebhooks.templateStatus(t, name, "PAUSED",
                "Your template has been paused due to low quality.")).statusCode(200)
                .body("accountEvents", equalTo(1));

        given().get("/api/v1/templates/" + templateId).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("statusReason", equalTo("Your template has been paused due to low quality."))
                .body("statusAt", equalTo(Instant.ofEpochSecond(t).toString()));
        given().get("/api/v1/campaigns/" + sending).then().statusCode(200).body("status", equalTo("paused"))
                .body("pausedReason", equalTo("template " + name + " (en_US) is PAUSED at Meta: Your template has"
                        + " been paused due to low quality."));
        given().post("/api/v1/campaigns/" + draft + "/launch").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PAUSED"));
        given().post("/api/v1/campaigns/" + sending + "/resume").then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/campaigns/" + draft).then().body("status", equalTo("draft"));

        // an older APPROVED arriving late changes nothing; a newer one makes the template sendable again
        HealthWebhooks.post(HealthWebhooks.templateStatus(t - 60, name, "APPROVED", "NONE")).statusCode(200);
        given().get("/api/v1/templates/" + templateId).then().body("status", equalTo("PAUSED"));
        HealthWebhooks.post(HealthWebhooks.templateStatus(t + 3600, name, "APPROVED", "NONE")).statusCode(200);
        given().get("/api/v1/templates/" + templateId).then().body("status", equalTo("APPROVED"))
                .body("statusReason", nullValue());
        given().post("/api/v1/campaigns/" + sending + "/resume").then().statusCode(200)
                .body("status", equalTo("sending")).body("pausedReason", nullValue());
        given().post("/api/v1/campaigns/" + draft + "/launch").then().statusCode(200);
    }

    @Test
    void aDisabledTemplateRecordsItsReasonOnceHoweverOftenMetaRetries() {
        String templateId = template("utility");
        String name = nameOf(templateId);
        long t = someSecond();
        byte[] delivery = HealthWebhooks.templateStatus(t, name, "DISABLED", "Template disabled for low quality.");
        HealthWebhooks.post(delivery).statusCode(200);
        HealthWebhooks.post(delivery).statusCode(200);

        given().get("/api/v1/templates/" + templateId).then().body("status", equalTo("DISABLED"));
        String from = Instant.ofEpochSecond(t).toString();
        String to = Instant.ofEpochSecond(t + 1).toString();
        given().queryParam("from", from).queryParam("to", to).get("/api/v1/account-events").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].field", equalTo("message_template_status_update"))
                .body("items[0].event", equalTo("DISABLED")).body("items[0].severity", equalTo("critical"))
                .body("items[0].templateName", equalTo(name)).body("items[0].templateLanguage", equalTo("en_US"))
                .body("items[0].templateId", equalTo("594425479261596"))
                .body("items[0].reason", equalTo("Template disabled for low quality."))
                .body("items[0].wabaId", equalTo(HealthWebhooks.WABA));
    }

    @Test
    void aRejectedTemplateCannotBeLaunched() {
        String templateId = template("marketing");
        HealthWebhooks.post(HealthWebhooks.templateStatus(someSecond(), nameOf(templateId), "REJECTED",
                "INVALID_FORMAT")).statusCode(200);
        String id = post("/api/v1/campaigns", campaign(VIP, 0, templateId)).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("REJECTED at Meta (INVALID_FORMAT)"));
    }
}
