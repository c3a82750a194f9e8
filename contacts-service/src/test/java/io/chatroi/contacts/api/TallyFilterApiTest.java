package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.inbound;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The list filter values for the dashboard's tally bars that had none: intent=unknown (the contacts whose intent reads
 * null, nothing known yet) and customerClass=none (the erased contacts, which have no class and are listed in sync
 * mode only). Each lists exactly the contacts whose read-time value the tally counts under that bar.
 */
@QuarkusTest
class TallyFilterApiTest {

    @Test
    void intentUnknownListsExactlyTheContactsWhoseIntentReadsNull() {
        String owner = owner();
        String untouched = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        String wroteNothingTelling = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        inbound(wroteNothingTelling, "hello", Instant.now().minusSeconds(3600).toString());
        String messagedNoReply = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        post("/api/v1/contacts/" + messagedNoReply + "/interactions", Map.of("direction", "outbound",
                "text", "Our new catalogue", "at", Instant.now().minusSeconds(600).toString())).statusCode(201);
        String asked = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        inbound(asked, "price please", Instant.now().minusSeconds(60).toString());

        String base = "/api/v1/contacts?owners=" + owner;
        given().get(base + "&intent=unknown").then().statusCode(200)
                .body("items.id", containsInAnyOrder(untouched, wroteNothingTelling));
        given().get(base + "&intent=none").then().body("items.id", equalTo(List.of(messagedNoReply)));
        given().get(base + "&intent=unknown&intent=high").then()
                .body("items.id", containsInAnyOrder(untouched, wroteNothingTelling, asked));
        // the tally of read-time intents and the filter agree: every null intent of the whole list, and only those
        List<Map<String, Object>> all = given().get(base).then().extract().jsonPath().getList("items");
        List<Object> nullIntent = all.stream().filter(c -> c.get("intent") == null).map(c -> c.get("id")).toList();
        assertThat(nullIntent).containsExactlyInAnyOrder(untouched, wroteNothingTelling);
        // the export takes the same value
        String csv = given().get("/api/v1/contacts/export?owners=" + owner + "&intent=unknown").then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))))
                .containsExactlyInAnyOrder(untouched, wroteNothingTelling);
    }

    @Test
    void customerClassNoneListsTheErasedContactsWhichNoOtherClassHolds() {
        String owner = owner();
        String kept = createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", "social"));
        String erased = createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", "social"));
        String since = given().get("/api/v1/contacts/" + kept).then().extract().path("createdAt");
        given().delete("/api/v1/contacts/" + erased).then().statusCode(204);
        String base = "/api/v1/contacts?owners=" + owner;
        // outside sync mode erased contacts are not listed, so no contact of the list is without a class
        given().get(base + "&customerClass=none").then().statusCode(200).body("items", empty());
        given().get(base + "&customerClass=C").then().body("items.id", equalTo(List.of(kept)));
        // in sync mode the erased contact reads class null: none lists it, C (which it was) no longer does
        String sync = base + "&updatedAfter=" + Instant.parse(since).minusSeconds(1);
        given().get(sync + "&customerClass=NONE").then().body("items.id", equalTo(List.of(erased)))
                .body("items[0].customerClass", equalTo(null));
        given().get(sync + "&customerClass=C").then().body("items.id", equalTo(List.of(kept)));
        given().get(sync + "&customerClass=c&customerClass=none").then()
                .body("items.id", containsInAnyOrder(kept, erased));
    }

    @Test
    void aBadIntentOrClassIsA400NamingEachField() {
        given().get("/api/v1/contacts?intent=unknwn&customerClass=D").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("intent", "customerClass"));
        given().get("/api/v1/contacts/export?intent=nothing").then().statusCode(400)
                .body("errors.field", equalTo(List.of("intent")));
        post("/api/v1/segments", Map.of("name", "bad " + owner(), "filter", Map.of("customerClass", "unknown")))
                .statusCode(400).body("errors.field", equalTo(List.of("filter.customerClass")));
    }
}
