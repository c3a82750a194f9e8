package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** What a manager does with the tag catalogue, saved segments and trigger rules, beyond creating them. */
@QuarkusTest
class CatalogueApiTest {

    @Test
    void aTagIsEditedFieldByField() {
        String tag = "edit-" + owner().substring(6, 14);
        post("/api/v1/tags", Map.of("name", tag, "colour", "blue", "description", "first")).statusCode(201)
                .body("category", equalTo("custom")).body("system", equalTo(false));
        patch("/api/v1/tags/" + tag, Map.of("colour", "#00ff00")).statusCode(200)
                .body("colour", equalTo("#00ff00")).body("description", equalTo("first"))
                .body("category", equalTo("custom"));
        given().get("/api/v1/tags/" + tag).then().body("colour", equalTo("#00ff00"));
        patch("/api/v1/tags/" + tag, Map.of("name", "renamed")).statusCode(400);
        patch("/api/v1/tags/no-such-" + tag, Map.of("colour", "red")).statusCode(404);
        patch("/api/v1/tags/interest:discount", Map.of("colour", "red")).statusCode(200)
                .body("category", equalTo("interest")).body("system", equalTo(true));
        patch("/api/v1/tags/interest:discount", Map.of("category", "custom")).statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/tags/interest:discount").then().body("category", equalTo("interest"));
    }

    @Test
    void tagPagesFollowEachOtherByNameWithoutRepeats() {
        String prefix = "page-" + owner().substring(6, 14) + "-";
        for (String suffix : List.of("c", "a", "b")) {
            post("/api/v1/tags", Map.of("name", prefix + suffix)).statusCode(201);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            ExtractableResponse<Response> page = given().queryParam("limit", 7)
                    .queryParams(cursor == null ? Map.of() : Map.of("after", cursor))
                    .get("/api/v1/tags").then().statusCode(200).extract();
            List<String> items = page.path("items.name");
            assertThat(items).hasSizeLessThanOrEqualTo(7);
            names.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(names).isSorted().doesNotHaveDuplicates()
                .containsSubsequence(prefix + "a", prefix + "b", prefix + "c");
    }

    @Test
    void aSegmentIsRenamedRefilteredAndDeleted() {
        String name = "Rename " + owner();
        String taken = "Taken " + owner();
        String id = post("/api/v1/segments", Map.of("name", name, "filter", Map.of("stages", List.of("inquiry"))))
                .statusCode(201).body("description", nullValue()).extract().path("id");
        post("/api/v1/segments", Map.of("name", taken)).statusCode(201).body("filter", equalTo(Map.of()));
        patch("/api/v1/segments/" + id, Map.of("name", taken)).statusCode(409);
        patch("/api/v1/segments/" + id, Map.of("name", name, "description", "leads only")).statusCode(200)
                .body("name", equalTo(name)).body("description", equalTo("leads only"))
                .body("filter.stages", equalTo(List.of("inquiry")));
        patch("/api/v1/segments/" + id, Map.of("filter", Map.of("owners", List.of("Li Si")))).statusCode(200)
                .body("filter.owners", equalTo(List.of("Li Si"))).body("filter.stages", nullValue())
                .body("description", equalTo("leads only"));
        given().get("/api/v1/segments/" + id).then().body("filter.owners", equalTo(List.of("Li Si")));
        given().get("/api/v1/segments?limit=500").then().body("items.name", hasItem(name));
        given().delete("/api/v1/segments/" + id).then().statusCode(204);
        given().get("/api/v1/segments/" + id).then().statusCode(404);
        given().delete("/api/v1/segments/" + id).then().statusCode(404);
        patch("/api/v1/segments/" + id, Map.of("name", "Any " + owner())).statusCode(404);
    }

    @Test
    void customRulesAreListedByKindAndDeletedButSystemRulesStay() {
        String phrase = "hot-" + owner().substring(6, 14);
        String id = post("/api/v1/classification-rules", Map.of("kind", "interest", "label", "discount",
                "phrase", "  " + phrase + " ")).statusCode(201).body("phrase", equalTo(phrase))
                .body("system", equalTo(false)).extract().path("id");
        post("/api/v1/classification-rules", Map.of("kind", "interest", "label", "discount", "phrase", phrase))
                .statusCode(409);
        given().get("/api/v1/classification-rules?kind=interest").then().statusCode(200)
                .body("kind", everyItem(equalTo("interest"))).body("phrase", hasItem(phrase));
        String system = given().get("/api/v1/classification-rules?kind=opt-out").then()
                .extract().path("find { it.system }.id");
        given().delete("/api/v1/classification-rules/" + system).then().statusCode(409);
        given().delete("/api/v1/classification-rules/" + id).then().statusCode(204);
        given().get("/api/v1/classification-rules?kind=interest").then().body("phrase", not(hasItem(phrase)));
        given().delete("/api/v1/classification-rules/" + id).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse patch(String path, Object body) {
        return given().contentType("application/merge-patch+json").body(body).when().patch(path).then();
    }
}
