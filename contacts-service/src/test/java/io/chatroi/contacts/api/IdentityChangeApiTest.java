package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Meta's user_changed_number and user_changed_user_id system messages, as campaign-service forwards them: the new
 * phone or BSUID replaces the old one on the same contact, or merges it with a contact already under the new one;
 * the merges are then readable as a feed.
 */
@QuarkusTest
class IdentityChangeApiTest {

    private static String bsuid() {
        return "US." + Math.abs(ThreadLocalRandom.current().nextLong());
    }

    private static Map<String, Object> change(String previousPhone, String previousUserId, String phone,
                                              String userId) {
        Map<String, Object> item = new HashMap<>();
        item.put("previousPhone", previousPhone);
        item.put("previousWhatsappUserId", previousUserId);
        item.put("phone", phone);
        item.put("whatsappUserId", userId);
        return item;
    }

    private static String usernameContact(String userId) {
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(Map.of(
                "whatsappUserId", userId, "direction", "inbound", "text", "hello", "messageType", "text",
                "externalId", "wamid." + userId)))).statusCode(200).body("accepted", equalTo(1));
        return given().get("/api/v1/contacts/lookup?whatsappUserId=" + userId).then().statusCode(200)
                .extract().path("id");
    }

    @Test
    void aNewBsuidReplacesTheOldOnTheSameContactAndAReplayChangesNothing() {
        String oldId = bsuid();
        String newId = bsuid();
        String contact = usernameContact(oldId);
        Map<String, Object> body = Map.of("items", List.of(change(null, oldId, null, newId)));

        post("/api/v1/identity-changes", body).statusCode(200).body("rejected", equalTo(List.of()))
                .body("items[0].outcome", equalTo("changed")).body("items[0].contactId", equalTo(contact));
        post("/api/v1/identity-changes", body).statusCode(200).body("items[0].outcome", equalTo("unknown"));

        given().get("/api/v1/contacts/" + contact).then().statusCode(200).body("whatsappUserId", equalTo(newId))
                .body("phone", nullValue());
        given().get("/api/v1/contacts/lookup?whatsappUserId=" + oldId).then().statusCode(404);
        given().get("/api/v1/contacts/" + contact + "/interactions").then().body("items.size()", equalTo(1));
    }

    @Test
    void aNewPhoneReplacesTheOldAndTheNewBsuidComesWithIt() {
        String oldPhone = berlinPhone();
        String newPhone = berlinPhone();
        String oldId = bsuid();
        String newId = bsuid();
        String contact = createContact(Map.of("phone", oldPhone, "owner", "Zhang San"));
        post("/api/v1/interactions", Map.of("items", List.of(Map.of("phone", oldPhone, "whatsappUserId", oldId,
                "direction", "inbound", "text", "hi", "messageType", "text", "externalId", "wamid." + oldId))))
                .statusCode(200).body("accepted", equalTo(1));

        post("/api/v1/identity-changes", Map.of("items", List.of(change(oldPhone, oldId, newPhone, newId))))
                .statusCode(200).body("items[0].outcome", equalTo("changed"));

        given().get("/api/v1/contacts/" + contact).then().statusCode(200).body("phone", equalTo(newPhone))
                .body("whatsappUserId", equalTo(newId)).body("owner", equalTo("Zhang San"));
        given().queryParam("phone", oldPhone).get("/api/v1/contacts/lookup").then().statusCode(404);
    }

    @Test
    void aContactAlreadyUnderTheNewIdentityIsMergedAndTheMergeIsInTheFeed() {
        Instant before = Instant.now().minusSeconds(1);
        String phone = berlinPhone();
        String oldId = bsuid();
        String newId = bsuid();
        String phoneContact = createContact(Map.of("phone", phone, "source", "import"));
        post("/api/v1/interactions", Map.of("items", List.of(Map.of("phone", phone, "whatsappUserId", oldId,
                "direction", "inbound", "text", "hi", "messageType", "text", "externalId", "wamid." + oldId))))
                .statusCode(200).body("accepted", equalTo(1));
        // a message under the new BSUID arrived before the system message: it made a contact of its own
        String newcomer = usernameContact(newId);

        post("/api/v1/identity-changes", Map.of("items", List.of(change(null, oldId, null, newId))))
                .statusCode(200).body("items[0].outcome", equalTo("merged"))
                .body("items[0].contactId", equalTo(phoneContact));

        given().get("/api/v1/contacts/" + phoneContact).then().body("whatsappUserId", equalTo(newId))
                .body("phone", equalTo(phone));
        given().get("/api/v1/contacts/" + phoneContact + "/interactions").then().body("items.size()", equalTo(2));
        given().get("/api/v1/contacts/" + newcomer).then().body("mergedInto", equalTo(phoneContact));

        given().queryParam("updatedAfter", before.toString()).queryParam("limit", 500)
                .get("/api/v1/contact-merges").then().statusCode(200)
                .body("items.findAll { it.absorbedId == '" + newcomer + "' }.survivorId", equalTo(List.of(phoneContact)));
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", "Li Si").get("/api/v1/contact-merges")
                .then().statusCode(403);
    }

    @Test
    void theMergeFeedPagesByCursorWithoutRepeatsOrGaps() {
        Instant before = Instant.now().minusSeconds(1);
        List<String> absorbed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String phone = berlinPhone();
            createContact(Map.of("phone", phone));
            String userId = bsuid();
            absorbed.add(usernameContact(userId));
            post("/api/v1/interactions", Map.of("items", List.of(Map.of("phone", phone, "whatsappUserId", userId,
                    "direction", "inbound", "text", "hi", "messageType", "text", "externalId", "wamid.m" + userId))))
                    .statusCode(200).body("accepted", equalTo(1));
        }
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("updatedAfter", before.toString()).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/api/v1/contact-merges").then().statusCode(200).extract();
            seen.addAll(page.path("items.absorbedId"));
            after = page.path("nextCursor");
        } while (after != null);
        org.assertj.core.api.Assertions.assertThat(seen).containsSubsequence(absorbed).doesNotHaveDuplicates();
    }

    @Test
    void badItemsAreRefusedByIndexAndTheOthersApplied() {
        String oldId = bsuid();
        String newId = bsuid();
        String contact = usernameContact(oldId);
        post("/api/v1/identity-changes", Map.of("items", List.of(change(null, null, null, newId),
                change("not a phone", null, null, "nope"), change(null, oldId, null, newId))))
                .statusCode(200).body("rejected.index", equalTo(List.of(0, 1)))
                .body("rejected.reason", hasItems(org.hamcrest.Matchers.startsWith("items[0].previousWhatsappUserId"),
                        org.hamcrest.Matchers.startsWith("items[1].")))
                .body("items.index", equalTo(List.of(2))).body("items[0].outcome", equalTo("changed"));
        given().get("/api/v1/contacts/" + contact).then().body("whatsappUserId", equalTo(newId));
        post("/api/v1/identity-changes", Map.of("items", List.of())).statusCode(400)
                .body("errors.field", hasItem("items"));
    }
}
