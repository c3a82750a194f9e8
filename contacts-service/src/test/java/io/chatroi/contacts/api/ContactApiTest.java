package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ContactApiTest {

    @Test
    void createsAContactWithNormalisedPhoneAndDefaults() {
        String phone = berlinPhone();
        String national = "0" + phone.substring(3, 5) + " " + phone.substring(5);
        post("/api/v1/contacts", Map.of("phone", national, "country", "de", "name", "Hans Müller",
                "source", "trade_show", "tags", List.of()))
                .statusCode(201)
                .header("Location", containsString("/api/v1/contacts/"))
                .body("phone", equalTo(phone))
                .body("country", equalTo("DE"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("stage", equalTo("new"))
                .body("activity", equalTo("dormant"))
                .body("customerClass", equalTo("B"))
                .body("followUp.reason", containsString("first touch"));
    }

    @Test
    void duplicatePhoneIsAConflictNamingTheExistingContact() {
        String phone = berlinPhone();
        String id = createContact(Map.of("phone", phone));
        post("/api/v1/contacts", Map.of("phone", phone.replace("+49", "0049 ")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("existingId", equalTo(id));
    }

    @Test
    void badInputGetsProblemDetailsNamingEachField() {
        post("/api/v1/contacts", Map.of("phone", "12", "source", "fax", "timeZone", "Mars/Base", "country", "XX"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("phone", "source", "timeZone", "country"));
        post("/api/v1/contacts", Map.of("phone", berlinPhone(), "nickname", "x"))
                .statusCode(400).body("errors[0].field", equalTo("nickname"));
        post("/api/v1/contacts", Map.of("phone", berlinPhone(), "acceptedAt", "yesterday"))
                .statusCode(400).body("errors[0].field", equalTo("acceptedAt"));
        given().contentType(ContentType.JSON).body("{\"phone\": ").post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().contentType(ContentType.TEXT).body("phone").post("/api/v1/contacts")
                .then().statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/contacts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/contacts?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/contacts?after=garbage").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().get("/api/v1/contacts?stages=sleeping").then().statusCode(400).body("errors[0].field", equalTo("stages"));
    }

    @Test
    void unknownTagsOnCreateLeaveNothingBehind() {
        String phone = berlinPhone();
        post("/api/v1/contacts", Map.of("phone", phone, "tags", List.of("no-such-tag")))
                .statusCode(400).body("errors[0].field", equalTo("tags[0]"));
        given().get("/api/v1/contacts?q=" + phone.substring(1)).then().body("items", empty());
    }

    @Test
    void mergePatchUpdatesOnlyTheGivenFields() {
        String id = createContact(Map.of("phone", berlinPhone(), "name", "Old", "company", "Acme"));
        given().contentType("application/merge-patch+json").body(Map.of("name", "New"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200)
                .body("name", equalTo("New")).body("company", equalTo("Acme"));
        given().contentType("application/merge-patch+json").body("{\"company\": null, \"optedOut\": true}")
                .patch("/api/v1/contacts/" + id).then().statusCode(200)
                .body("company", nullValue()).body("optedOut", equalTo(true)).body("optedOutAt", notNullValue());
        given().contentType("application/merge-patch+json").body(Map.of("phone", "nonsense"))
                .patch("/api/v1/contacts/" + id).then().statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void erasureRemovesPersonalDataButKeepsTheRecord() {
        String phone = berlinPhone();
        String id = createContact(Map.of("phone", phone, "name", "Erika", "company", "Secret GmbH"));
        given().delete("/api/v1/contacts/" + id).then().statusCode(204);
        given().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("erased", equalTo(true)).body("phone", nullValue()).body("name", nullValue())
                .body("optedOut", equalTo(true));
        given().get("/api/v1/contacts?q=erika").then().body("items.id", not(hasItem(id)));
        // the phone is free again for a new contact
        createContact(Map.of("phone", phone));
    }

    @Test
    void filtersCombineTagsStagesSourcesAndText() {
        String owner = owner();
        post("/api/v1/tags", Map.of("name", "vip-" + owner.substring(6, 14), "colour", "#d4af37")).statusCode(201);
        String vip = "vip-" + owner.substring(6, 14);
        String a = createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", "trade_show",
                "name", "Alpha Trading", "tags", List.of(vip)));
        String b = createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", "website", "stage", "quoted"));
        String c = createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", "social"));
        String base = "/api/v1/contacts?owners=" + owner;
        given().get(base).then().body("items", hasSize(3)).body("items[0].id", equalTo(c));
        given().get(base + "&tagsAll=" + vip).then().body("items.id", equalTo(List.of(a)));
        given().get(base + "&tagsNone=" + vip).then().body("items.id", hasItems(b, c)).body("items", hasSize(2));
        given().get(base + "&sources=trade_show&sources=website").then().body("items", hasSize(2));
        given().get(base + "&stages=quoted").then().body("items.id", equalTo(List.of(b)));
        given().get(base + "&q=ALPHA").then().body("items.id", equalTo(List.of(a)));
        given().get(base + "&customerClass=A").then().body("items.id", equalTo(List.of(b)));
        given().get(base + "&customerClass=C").then().body("items.id", equalTo(List.of(c)));
        // paging: one at a time walks all three, newest first, then stops
        String cursor = given().get(base + "&limit=1").then().body("items[0].id", equalTo(c))
                .extract().path("nextCursor");
        String cursor2 = given().get(base + "&limit=1&after=" + cursor).then().body("items[0].id", equalTo(b))
                .extract().path("nextCursor");
        given().get(base + "&limit=1&after=" + cursor2).then().body("items[0].id", equalTo(a))
                .body("nextCursor", nullValue());
    }

    @Test
    void incrementalSyncOrdersByUpdatedAtAndSeesErasures() {
        String owner = owner();
        String first = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String second = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String since = given().get("/api/v1/contacts/" + first).then().extract().path("createdAt");
        given().contentType(ContentType.JSON).body(Map.of("name", "touched")).patch("/api/v1/contacts/" + first)
                .then().statusCode(200);
        given().delete("/api/v1/contacts/" + second).then().statusCode(204);
        given().get("/api/v1/contacts?owners=" + owner + "&updatedAfter=" + since)
                .then().body("items.id", equalTo(List.of(first, second)))
                .body("items[1].erased", equalTo(true));
    }

    @Test
    void systemTagsExistAndCannotBeDeleted() {
        given().get("/api/v1/tags?category=activity").then().statusCode(200)
                .body("items.name", equalTo(List.of("activity:dormant", "activity:high", "activity:low", "activity:medium")))
                .body("items.find { it.name == 'activity:high' }.colour", equalTo("green"));
        given().get("/api/v1/tags/intent:high").then().body("colour", equalTo("red")).body("system", equalTo(true));
        given().delete("/api/v1/tags/intent:high").then().statusCode(409);
        post("/api/v1/tags", Map.of("name", "intent:custom")).statusCode(400);
        String id = createContact(Map.of("phone", berlinPhone()));
        given().put("/api/v1/contacts/" + id + "/tags/activity:high").then().statusCode(400);
    }

    @Test
    void tagAssignmentIsIdempotentAndDeletingATagUntagsContacts() {
        String tag = "t-" + owner().substring(6, 18);
        post("/api/v1/tags", Map.of("name", tag, "colour", "blue", "category", "custom")).statusCode(201);
        post("/api/v1/tags", Map.of("name", tag)).statusCode(409);
        String id = createContact(Map.of("phone", berlinPhone()));
        given().put("/api/v1/contacts/" + id + "/tags/" + tag).then().statusCode(204);
        given().put("/api/v1/contacts/" + id + "/tags/" + tag).then().statusCode(204);
        given().get("/api/v1/contacts/" + id).then().body("tags", hasItem(tag));
        given().delete("/api/v1/tags/" + tag).then().statusCode(204);
        given().get("/api/v1/contacts/" + id).then().body("tags", not(hasItem(tag)));
    }
}
