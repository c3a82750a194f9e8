package io.chatroi.campaigns.resolution;

import io.chatroi.campaigns.campaign.FakeContactsService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Explicit resolutions: validated, idempotent, an agent's own contacts only, and listed for metrics' sync. */
@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class ResolutionApiTest {

    private static final int ALICES = 1_000;
    private static final int BOBS = 1_001;

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static RequestSpecification agent(String owner) {
        return json().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", owner);
    }

    @Test
    void aResolutionByContactOrPhoneIsRecordedOnceAndListedForSync() {
        Instant before = Instant.now().minusSeconds(1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("contactId", FakeContactsService.contactId(ALICES).toString(),
                "at", "2026-11-02T10:00:00Z", "by", "support-bot");
        String id = json().header("Idempotency-Key", key).body(body).post("/api/v1/conversations/resolutions")
                .then().statusCode(201).body("contactId", equalTo(FakeContactsService.contactId(ALICES).toString()))
                .body("phone", equalTo(FakeContactsService.phoneOf(ALICES))).body("owner", equalTo("alice"))
                .body("at", equalTo("2026-11-02T10:00:00Z")).body("by", equalTo("support-bot"))
                .extract().path("id");
        // a retry with the same key replays the first answer; the same key with another body is refused
        json().header("Idempotency-Key", key).body(body).post("/api/v1/conversations/resolutions")
                .then().statusCode(201).body("id", equalTo(id));
        json().header("Idempotency-Key", key).body(Map.of("phone", FakeContactsService.phoneOf(BOBS), "by", "x"))
                .post("/api/v1/conversations/resolutions").then().statusCode(422);
        String byPhone = json().body(Map.of("phone", "0049 301 " + (1_000_000 + BOBS), "by", "crm"))
                .post("/api/v1/conversations/resolutions").then().statusCode(201)
                .body("contactId", equalTo(FakeContactsService.contactId(BOBS).toString()))
                .extract().path("id");
        given().get("/api/v1/conversations/resolutions/" + id).then().statusCode(200).body("by", equalTo("support-bot"));

        List<String> listed = given().get("/api/v1/conversations/resolutions?limit=500&updatedAfter=" + before)
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(id, byPhone).doesNotHaveDuplicates();
    }

    @Test
    void anAgentResolvesOnlyItsOwnContactsAndIsByByDefault() {
        agent("alice").body(Map.of("contactId", FakeContactsService.contactId(ALICES).toString()))
                .post("/api/v1/conversations/resolutions").then().statusCode(201).body("by", equalTo("alice"));
        agent("alice").body(Map.of("contactId", FakeContactsService.contactId(BOBS).toString()))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("contactId")).body("errors[0].message", equalTo("no such contact"));
        agent("alice").body(Map.of("phone", FakeContactsService.phoneOf(BOBS)))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void badInputIsOneProblemAndWritesNothing() {
        Instant before = Instant.now().minusSeconds(1);
        json().body(Map.of("phone", "12", "at", Instant.now().plusSeconds(3_600).toString(), "by", " "))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("phone", "at", "by"));
        json().body(Map.of("contactId", FakeContactsService.contactId(ALICES).toString(), "by", "a\u0000b"))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        json().body(Map.of("by", "x")).post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        json().body(Map.of("contactId", FakeContactsService.contactId(ALICES).toString(),
                        "phone", FakeContactsService.phoneOf(ALICES), "by", "x"))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        json().body(Map.of("contactId", FakeContactsService.contactId(ALICES).toString(), "by", "x".repeat(201)))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        json().body(Map.of("contactId", UUID.randomUUID().toString(), "by", "x"))
                .post("/api/v1/conversations/resolutions").then().statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        json().body("{").post("/api/v1/conversations/resolutions").then().statusCode(400);
        given().get("/api/v1/conversations/resolutions?updatedAfter=" + before + "&limit=500").then().statusCode(200)
                .body("items.findAll { it.by == 'x' }.size()", equalTo(0));
    }
}
