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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

    @Test
    void anOwnerNameCannotBeSplitIntoOtherOwners() {
        String lee = owner();
        String ann = owner();
        createContact(Map.of("phone", berlinPhone(), "owner", lee));
        createContact(Map.of("phone", berlinPhone(), "owner", ann));
        String both = lee + ", " + ann;
        post("/api/v1/contacts", Map.of("phone", berlinPhone(), "owner", both)).statusCode(400)
                .body("errors[0].field", equalTo("owner"));
        String mine = createContact(Map.of("phone", berlinPhone(), "owner", lee));
        given().contentType("application/json").body(Map.of("contactId", mine, "stage", "inquiry", "owner", both))
                .post("/api/v1/deals").then().statusCode(400).body("errors[0].field", equalTo("owner"));
        // an agent key named so (made before names were checked) sees nothing instead of both owners' records
        for (String path : List.of("/api/v1/contacts", "/api/v1/contacts/export", "/api/v1/contacts/audience",
                "/api/v1/deals", "/api/v1/follow-ups")) {
            agent(both).get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aPhoneClashNamesTheExistingContactOnlyToWhoMaySeeIt() {
        String alice = owner();
        String bob = owner();
        String bobsPhone = berlinPhone();
        String bobs = createContact(Map.of("phone", bobsPhone, "owner", bob));
        String alicesPhone = berlinPhone();
        String alices = createContact(Map.of("phone", alicesPhone, "owner", alice));

        agent(alice).contentType("application/json").body(Map.of("phone", bobsPhone))
                .post("/api/v1/contacts").then().statusCode(409).body("existingId", nullValue())
                .body(not(containsString(bobs)));
        agent(alice).contentType("application/json").body(Map.of("phone", alicesPhone))
                .post("/api/v1/contacts").then().statusCode(409).body("existingId", equalTo(alices));
        String other = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        agent(alice).contentType("application/merge-patch+json").body(Map.of("phone", bobsPhone))
                .patch("/api/v1/contacts/" + other).then().statusCode(409).body("existingId", nullValue())
                .body(not(containsString(bobs)));
        // the manager still learns which contact holds the phone
        post("/api/v1/contacts", Map.of("phone", bobsPhone)).statusCode(409).body("existingId", equalTo(bobs));
    }

    @Test
    void aReferrerOfAnotherOwnerAnswersLikeAnUnknownId() {
        String alice = owner();
        String bob = owner();
        String bobs = createContact(Map.of("phone", berlinPhone(), "owner", bob));
        String alices = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        String unknown = java.util.UUID.randomUUID().toString();

        String phone = berlinPhone();
        var theirs = agent(alice).contentType("application/json").body(Map.of("phone", phone, "referredBy", bobs))
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        var random = agent(alice).contentType("application/json").body(Map.of("phone", phone, "referredBy", unknown))
                .post("/api/v1/contacts").then().statusCode(400).extract().asString();
        assertThat(theirs.replace(bobs, "ID")).isEqualTo(random.replace(unknown, "ID"));
        given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(0));

        var patchTheirs = agent(alice).contentType("application/merge-patch+json").body(Map.of("referredBy", bobs))
                .patch("/api/v1/contacts/" + alices).then().statusCode(400).extract().asString();
        var patchRandom = agent(alice).contentType("application/merge-patch+json").body(Map.of("referredBy", unknown))
                .patch("/api/v1/contacts/" + alices).then().statusCode(400).extract().asString();
        assertThat(patchTheirs.replace(bobs, "ID")).isEqualTo(patchRandom.replace(unknown, "ID"));
        given().get("/api/v1/contacts/" + alices).then().statusCode(200).body("referredBy", nullValue());
        // a referrer of its own is fine
        agent(alice).contentType("application/json").body(Map.of("phone", berlinPhone(), "referredBy", alices))
                .post("/api/v1/contacts").then().statusCode(201).body("referredBy", equalTo(alices));
    }
}
