package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What the gateway's agent keys rely on: an agent sees and changes only its own owner's contacts and deals. */
@QuarkusTest
class AgentScopeApiTest {

    private static RequestSpecification agent(String owner) {
        return given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", owner);
    }

    @Test
    void anAgentSeesOnlyItsOwnContactsAndDeals() {
        String alice = owner();
        String bob = owner();
        String mine = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        String theirs = createContact(Map.of("phone", berlinPhone(), "owner", bob));
        String myDeal = post("/api/v1/deals", Map.of("contactId", mine, "stage", "inquiry")).statusCode(201)
                .extract().path("id");
        String theirDeal = post("/api/v1/deals", Map.of("contactId", theirs, "stage", "inquiry")).statusCode(201)
                .extract().path("id");

        // lists are narrowed to the agent's owner, whatever owner filter it sends
        List<String> owners = agent(alice).get("/api/v1/contacts?owners=" + bob + "&limit=500").then().statusCode(200)
                .extract().path("items.owner");
        assertThat(owners).isNotEmpty().containsOnly(alice);
        assertThat(agent(alice).get("/api/v1/deals?owner=" + bob).then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(myDeal);
        assertThat(agent(alice).get("/api/v1/follow-ups").then().statusCode(200)
                .extract().<List<String>>path("items.owner")).doesNotContain(bob);
        assertThat(agent(alice).get("/api/v1/contacts/export").then().statusCode(200).extract().asString())
                .doesNotContain(bob);

        // one record of another owner does not exist for the agent
        agent(alice).get("/api/v1/contacts/" + mine).then().statusCode(200);
        agent(alice).get("/api/v1/contacts/" + theirs).then().statusCode(404).contentType("application/problem+json");
        agent(alice).get("/api/v1/contacts/" + theirs + "/interactions").then().statusCode(404);
        agent(alice).contentType("application/merge-patch+json").body(Map.of("name", "x"))
                .patch("/api/v1/contacts/" + theirs).then().statusCode(404);
        agent(alice).get("/api/v1/deals/" + theirDeal).then().statusCode(404);
        agent(alice).contentType("application/merge-patch+json").body(Map.of("stage", "lost"))
                .patch("/api/v1/deals/" + theirDeal).then().statusCode(404);
        given().get("/api/v1/deals/" + theirDeal).then().statusCode(200).body("stage", equalTo("inquiry"));
    }

    @Test
    void anAgentCannotHandRecordsToAnotherOwner() {
        String alice = owner();
        String bob = owner();
        agent(alice).contentType("application/json").body(Map.of("phone", berlinPhone()))
                .post("/api/v1/contacts").then().statusCode(201).body("owner", equalTo(alice));
        agent(alice).contentType("application/json").body(Map.of("phone", berlinPhone(), "owner", bob))
                .post("/api/v1/contacts").then().statusCode(403).contentType("application/problem+json");
        String mine = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        String theirs = createContact(Map.of("phone", berlinPhone(), "owner", bob));
        agent(alice).contentType("application/merge-patch+json").body(Map.of("owner", bob))
                .patch("/api/v1/contacts/" + mine).then().statusCode(403);
        agent(alice).contentType("application/json").body(Map.of("contactId", mine, "stage", "inquiry"))
                .post("/api/v1/deals").then().statusCode(201).body("owner", equalTo(alice));
        agent(alice).contentType("application/json").body(Map.of("contactId", theirs, "stage", "inquiry"))
                .post("/api/v1/deals").then().statusCode(400).body("errors[0].field", equalTo("contactId"));
        given().header("X-ChatROI-Role", "agent").get("/api/v1/contacts").then().statusCode(403);
    }
}
