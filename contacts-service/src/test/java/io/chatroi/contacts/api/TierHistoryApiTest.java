package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class TierHistoryApiTest {

    @Test
    void aContactsTierMovesAreListedNewestFirstAndPaged() {
        String owner = owner();
        String id = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        post("/api/v1/contacts/" + id + "/interactions",
                Map.of("direction", "inbound", "text", "How much for 500 units?")).statusCode(201);
        post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", "暂时不需要"))
                .statusCode(201);
        String custom = "t-" + owner.substring(6, 18);
        post("/api/v1/tags", Map.of("name", custom, "colour", "blue", "category", "custom")).statusCode(201);
        given().put("/api/v1/contacts/" + id + "/tags/" + custom).then().statusCode(204);

        JsonPath all = given().get("/api/v1/contacts/" + id + "/tier-history?limit=500").then().statusCode(200)
                .extract().jsonPath();
        List<String> steps = new ArrayList<>();
        for (Map<String, Object> move : all.<Map<String, Object>>getList("items")) {
            steps.add(move.get("action") + " " + move.get("tag"));
        }
        // the second message moved intent from high to none; a custom tag is no tier
        assertThat(steps).containsSubsequence("added intent:none", "added intent:high");
        assertThat(steps).contains("removed intent:high", "added activity:high");
        assertThat(steps).noneMatch(step -> step.endsWith(custom));
        assertThat(all.getList("items.at", String.class)).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.getList("items.category", String.class)).isSubsetOf("activity", "intent", "interest");
        assertThat(all.getString("items.find { it.tag == 'intent:none' }.tier")).isEqualTo("none");
        assertThat(all.getString("items.find { it.tag == 'intent:none' }.actor")).isEqualTo("system:tiering");

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonPath page = given().get("/api/v1/contacts/" + id + "/tier-history?limit=1"
                    + (next == null ? "" : "&after=" + next)).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(1);
            page.<Map<String, Object>>getList("items").forEach(m -> paged.add(m.get("action") + " " + m.get("tag")));
            next = page.getString("nextCursor");
        } while (next != null);
        assertThat(paged).isEqualTo(steps);
    }

    @Test
    void unknownContactsBadCursorsAndOtherAgentsContactsAreRefused() {
        String id = createContact(Map.of("phone", berlinPhone(), "owner", owner()));
        given().get("/api/v1/contacts/" + UUID.randomUUID() + "/tier-history").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/contacts/" + id + "/tier-history?after=bm90LWEtY3Vyc29y").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", owner())
                .get("/api/v1/contacts/" + id + "/tier-history").then().statusCode(404);
    }
}
