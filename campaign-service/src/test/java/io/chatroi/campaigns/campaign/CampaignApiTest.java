package io.chatroi.campaigns.campaign;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.campaigns.campaign.CampaignFixtures.awaitResolved;
import static io.chatroi.campaigns.campaign.CampaignFixtures.campaign;
import static io.chatroi.campaigns.campaign.CampaignFixtures.post;
import static io.chatroi.campaigns.campaign.CampaignFixtures.template;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class CampaignApiTest {

    @Test
    void templatesAreValidatedLikeWhatsAppDoes() {
        post("/api/v1/templates", Map.of("name", "Spring Sale!", "language", "english", "category", "promo",
                "body", "Hi {{1}} and {{3}}", "buttons", List.of(Map.of("type", "url", "text", "Go", "url", "ftp://x"))))
                .statusCode(400)
                .body("errors.field", hasItems("name", "language", "category", "body", "buttons[0].url"));
        post("/api/v1/templates", Map.of("name", "mixed", "language", "en", "category", "utility",
                "body", "Hi {{1}} {{name}}")).statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void launchTurnsAFilteredAudienceIntoOneSendPerContactSplitByVariant() {
        String a = template("marketing");
        String b = template("marketing");
        String id = post("/api/v1/campaigns", campaign(Map.of("filter", Map.of("tagsAll", List.of("vip"))), 0, a, b))
                .statusCode(201).body("status", equalTo("draft")).body("counters", nullValue())
                .body("rules.respectOptOut", equalTo(true)).body("goal.attributionDays", equalTo(7))
                .extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/pause").then().statusCode(409)
                .contentType("application/problem+json");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200).body("status", equalTo("sending"));
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409);
        Map<String, Object> view = awaitResolved(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> counters = (Map<String, Object>) view.get("counters");
        assertThat(((Number) counters.get("queued")).intValue()).isEqualTo(FakeContactsService.VIP);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byVariant = (Map<String, Map<String, Object>>) view.get("countersByVariant");
        int aCount = ((Number) byVariant.get("A").get("queued")).intValue();
        int bCount = ((Number) byVariant.get("B").get("queued")).intValue();
        assertThat(aCount + bCount).isEqualTo(FakeContactsService.VIP);
        assertThat(aCount).isBetween(FakeContactsService.VIP / 2 - 60, FakeContactsService.VIP / 2 + 60);
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().post("/api/v1/campaigns/" + id + "/resume").then().statusCode(409);
        given().get("/api/v1/campaigns/" + id).then().body("counters.queued", equalTo(0));
        given().get("/api/v1/campaigns/" + id + "/sends?status=cancelled&limit=500").then()
                .body("items.size()", equalTo(FakeContactsService.VIP));
    }

    @Test
    void aContactsServiceAnswering5xxWhileTheAudienceIsPagedIsRetried() {
        String a = template("utility");
        String id = post("/api/v1/campaigns", campaign(Map.of("filter",
                Map.of("tagsAll", List.of(FakeContactsService.FLAKY_TAG))), 0, a)).statusCode(201).extract().path("id");
        FakeContactsService.failNextFlakyPage();
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        Map<String, Object> view = awaitResolved(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> counters = (Map<String, Object>) view.get("counters");
        assertThat(FakeContactsService.flakyFailuresLeft()).isZero();
        assertThat(((Number) counters.get("queued")).intValue()).isEqualTo(FakeContactsService.CONTACTS);
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void conversationsOfAContactAre503WhenContactsServiceFails() {
        given().queryParam("contactId", FakeContactsService.BROKEN_CONTACT.toString()).get("/api/v1/conversations")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://chatroi.io/problems/service-unavailable"));
    }

    @Test
    void aSegmentAudienceWithAHoldoutCoversEveryMemberOnce() {
        String a = template("utility");
        String id = post("/api/v1/campaigns", campaign(Map.of("segmentId", FakeContactsService.SEGMENT.toString()),
                25, a)).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        Map<String, Object> view = awaitResolved(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> counters = (Map<String, Object>) view.get("counters");
        int queued = ((Number) counters.get("queued")).intValue();
        int holdout = ((Number) counters.get("holdout")).intValue();
        assertThat(queued + holdout).isEqualTo(FakeContactsService.CONTACTS);
        assertThat(holdout / (double) FakeContactsService.CONTACTS).isBetween(0.28, 0.39);
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void badAudiencesVariantsAndRulesAreRejected() {
        String marketing = template("marketing");
        post("/api/v1/campaigns", campaign(Map.of("filter", Map.of("bogus", "x")), 0, marketing))
                .statusCode(400).body("errors.field", hasItem("audience.filter.bogus"));
        post("/api/v1/campaigns", campaign(Map.of("segmentId", UUID.randomUUID().toString()), 0, marketing))
                .statusCode(400).body("errors[0].field", equalTo("audience.segmentId"));
        post("/api/v1/campaigns", campaign(Map.of("everyone", true), 0, marketing))
                .statusCode(400).body("errors[0].field", equalTo("audience"));
        post("/api/v1/campaigns", campaign(Map.of("filter", Map.of()), 0, UUID.randomUUID().toString()))
                .statusCode(400).body("errors[0].field", equalTo("variants[0].templateId"));
        Map<String, Object> noOptOut = new java.util.HashMap<>(campaign(Map.of("filter", Map.of()), 0, marketing));
        noOptOut.put("rules", Map.of("respectOptOut", false));
        post("/api/v1/campaigns", noOptOut).statusCode(400).body("errors[0].field", equalTo("rules.respectOptOut"));
        Map<String, Object> luck = new java.util.HashMap<>(campaign(Map.of("filter", Map.of()), 0, marketing));
        luck.put("goal", Map.of("type", "luck"));
        post("/api/v1/campaigns", luck).statusCode(400).body("errors[0].field", equalTo("goal.type"));
    }

    @Test
    void anExperimentCanAimAtWonDealsOrRevenue() {
        String marketing = template("marketing");
        for (String goal : List.of("deal_won", "revenue")) {
            Map<String, Object> body = new java.util.HashMap<>(campaign(Map.of("filter", Map.of()), 0, marketing));
            body.put("goal", Map.of("type", goal, "attributionDays", 14));
            post("/api/v1/campaigns", body).statusCode(201).body("goal.type", equalTo(goal))
                    .body("goal.attributionDays", equalTo(14));
        }
    }
}
