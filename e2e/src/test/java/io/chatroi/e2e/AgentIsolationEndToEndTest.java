package io.chatroi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The isolation an agent key relies on, through the gateway and the real services, for the leaks a probe found: an
 * owner name with a comma cannot become two owners (no key, contact or deal takes one, and a comma in a filter is
 * not a way into another owner's lists, export, audience, deals, follow-ups or scorecard), a phone clash does not
 * name another owner's contact, and another owner's contact as {@code referredBy} answers exactly like an unknown id.
 * It adds contacts of its own owners, so it runs after the walks that assert their totals.
 */
@ExtendWith(Stack.class)
@Order(Integer.MAX_VALUE - 1)
class AgentIsolationEndToEndTest {

    private static final String RUN = Long.toString(Math.abs(System.nanoTime()) % 100_000_000L);

    private static String phone(int i) {
        return "+4930" + RUN + i;
    }

    private static String contact(String manager, String phone, String owner) {
        return as(manager).contentType("application/json").body(Map.of("phone", phone, "owner", owner,
                "name", "Isolation " + owner)).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void anAgentNeverReachesAnotherOwnersContactsThroughCommasClashesOrReferrers() {
        String manager = key("manager", null);
        String lee = "Lee " + RUN;
        String ann = "Ann " + RUN;
        String leesPhone = phone(1);
        String annsPhone = phone(2);
        String lees = contact(manager, leesPhone, lee);
        String anns = contact(manager, annsPhone, ann);
        as(manager).contentType("application/json").body(Map.of("contactId", anns, "stage", "inquiry"))
                .post("/api/v1/deals").then().statusCode(201);

        // "Lee, Ann" is no owner name: not for a key, a contact or a deal
        String both = lee + ", " + ann;
        E2e.as(Services.ADMIN_KEY).contentType("application/json")
                .body(Map.of("name", "e2e comma agent", "role", "agent", "owner", both)).post("/api/v1/api-keys")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("owner"));
        as(manager).contentType("application/json").body(Map.of("phone", phone(3), "owner", both))
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("owner"));
        as(manager).contentType("application/json").body(Map.of("contactId", lees, "stage", "inquiry", "owner", both))
                .post("/api/v1/deals").then().statusCode(400).body("errors[0].field", equalTo("owner"));

        // an agent asking for both owners, or only the other one, gets its own records only
        String agent = key("agent", lee);
        for (String owners : List.of(lee + "," + ann, ann, both)) {
            assertThat(as(agent).queryParam("owners", owners).queryParam("limit", 500).get("/api/v1/contacts")
                    .then().statusCode(200).extract().<List<String>>path("items.owner")).containsOnly(lee);
            assertThat(as(agent).queryParam("owners", owners).get("/api/v1/contacts/export").then().statusCode(200)
                    .extract().asString()).contains(leesPhone).doesNotContain(annsPhone).doesNotContain(ann);
            assertThat(as(agent).queryParam("owners", owners).queryParam("limit", 500).get("/api/v1/contacts/audience")
                    .then().statusCode(200).extract().<List<String>>path("items.id")).contains(lees).doesNotContain(anns);
            as(agent).queryParam("owner", owners).get("/api/v1/deals").then().statusCode(200)
                    .body("items.contactId", not(org.hamcrest.Matchers.hasItem(anns)));
            assertThat(as(agent).queryParam("owner", owners).queryParam("limit", 500).get("/api/v1/follow-ups")
                    .then().statusCode(200).extract().<List<String>>path("items.owner")).doesNotContain(ann);
            assertThat(as(agent).queryParam("owner", owners).get("/api/v1/scorecards").then().statusCode(200)
                    .extract().<List<String>>path("rows.owner")).doesNotContain(ann);
        }
        as(agent).get("/api/v1/contacts/" + anns).then().statusCode(404);

        // a phone clash names the existing contact only when the agent may see it
        as(agent).contentType("application/json").body(Map.of("phone", annsPhone)).post("/api/v1/contacts").then()
                .statusCode(409).contentType("application/problem+json").body("existingId", nullValue())
                .body(not(containsString(anns)));
        as(agent).contentType("application/json").body(Map.of("phone", leesPhone)).post("/api/v1/contacts").then()
                .statusCode(409).body("existingId", equalTo(lees));

        // another owner's contact as a referrer answers exactly like an id that does not exist, and links nothing
        String unknown = UUID.randomUUID().toString();
        String theirs = as(agent).contentType("application/json").body(Map.of("phone", phone(4), "referredBy", anns))
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        String random = as(agent).contentType("application/json").body(Map.of("phone", phone(4), "referredBy", unknown))
                .post("/api/v1/contacts").then().statusCode(400).extract().asString();
        assertThat(theirs.replace(anns, "ID")).isEqualTo(random.replace(unknown, "ID"));
        as(manager).queryParam("q", phone(4).substring(1)).get("/api/v1/contacts").then().statusCode(200)
                .body("items", hasSize(0));
        as(agent).contentType("application/merge-patch+json").body(Map.of("referredBy", anns))
                .patch("/api/v1/contacts/" + lees).then().statusCode(400);
        as(manager).get("/api/v1/contacts/" + lees).then().statusCode(200).body("referredBy", nullValue());
    }
}
