package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Contacts WhatsApp knows by username: campaign-service forwards their messages keyed by the business-scoped user
 * id (BSUID) when Meta withholds the phone, and a later message carrying both merges the two contacts.
 */
@QuarkusTest
class WhatsAppIdentityApiTest {

    /** A BSUID in Meta's format (country code, dot, digits) that no other test uses. */
    private static String bsuid() {
        return "US." + Math.abs(ThreadLocalRandom.current().nextLong());
    }

    private static Map<String, Object> item(String phone, String userId, String username, String text, String id) {
        Map<String, Object> item = new HashMap<>(Map.of("direction", "inbound", "text", text, "externalId", id,
                "messageType", "text", "name", "Sheena Nelson", "source", "ads_ctwa"));
        if (phone != null) {
            item.put("phone", phone);
        }
        if (userId != null) {
            item.put("whatsappUserId", userId);
        }
        if (username != null) {
            item.put("username", username);
        }
        return item;
    }

    private static void record(Map<String, Object> item) {
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(item)))
                .statusCode(200).body("rejected", equalTo(List.of()));
    }

    @Test
    void aUsernameOnlySenderBecomesAContactFoundByItsBsuidOrUsername() {
        String userId = bsuid();
        String username = "@sheena" + userId.substring(3);
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(
                item(null, userId, username, "Does it come in another color?", "wamid." + userId + ".1"))))
                .statusCode(200).body("accepted", equalTo(1)).body("contactsCreated", equalTo(1));
        record(item(null, userId, username, "How much is it?", "wamid." + userId + ".2"));

        String id = given().get("/api/v1/contacts/lookup?whatsappUserId=" + userId).then().statusCode(200)
                .body("phone", nullValue()).body("whatsappUserId", equalTo(userId))
                .body("username", equalTo(username)).body("name", equalTo("Sheena Nelson"))
                .body("source", equalTo("ads_ctwa")).body("stage", equalTo("engaged"))
                .body("timeZone", equalTo("UTC")).body("mergedInto", nullValue())
                .extract().path("id");
        given().get("/api/v1/contacts/lookup?username=" + username).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/contacts/" + id + "/interactions").then().statusCode(200)
                .body("items.size()", equalTo(2));

        given().get("/api/v1/contacts/lookup?whatsappUserId=US.1").then().statusCode(404);
        given().get("/api/v1/contacts/lookup").then().statusCode(400).body("errors.field", hasItem("phone"));
        given().get("/api/v1/contacts/lookup?whatsappUserId=16505551234").then().statusCode(400)
                .body("errors.field", hasItem("whatsappUserId"));
        // an agent finds only its own contacts: this one has no owner
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", "Li Si")
                .get("/api/v1/contacts/lookup?whatsappUserId=" + userId).then().statusCode(404);
    }

    @Test
    void anItemNamesItsContactByPhoneOrWellFormedBsuid() {
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(
                item(null, null, null, "hi", "wamid.none." + bsuid()),
                item(null, "not-a-bsuid", null, "hi", "wamid.bad." + bsuid()))))
                .statusCode(200).body("accepted", equalTo(0))
                .body("rejected.reason", hasItems(org.hamcrest.Matchers.startsWith("phone:"),
                        org.hamcrest.Matchers.startsWith("whatsappUserId:")));
    }

    @Test
    void aMessageWithPhoneAndBsuidMergesTheTwoContactsAndLosesNoInteraction() {
        String phone = berlinPhone();
        String phoneContact = createContact(Map.of("phone", phone, "owner", "Zhang San", "source", "import"));
        post("/api/v1/contacts/" + phoneContact + "/interactions", Map.of("direction", "outbound",
                "messageType", "template", "category", "marketing", "externalId", "wamid.out." + phone))
                .statusCode(201);
        String userId = bsuid();
        record(item(null, userId, "@pablo", "Do you ship to Berlin?", "wamid." + userId + ".a"));
        String usernameContact = given().get("/api/v1/contacts/lookup?whatsappUserId=" + userId).then()
                .statusCode(200).extract().path("id");
        post("/api/v1/deals", Map.of("contactId", usernameContact, "stage", "inquiry")).statusCode(201);

        // Meta now shares both: the phone and the BSUID name one person
        record(item(phone, userId, "@pablomorales", "I want to order", "wamid." + userId + ".b"));

        given().get("/api/v1/contacts/lookup?whatsappUserId=" + userId).then().statusCode(200)
                .body("id", equalTo(phoneContact)).body("phone", equalTo(phone))
                .body("username", equalTo("@pablomorales")).body("owner", equalTo("Zhang San"))
                .body("source", equalTo("import")).body("lastInboundAt", notNullValue());
        given().queryParam("phone", phone).get("/api/v1/contacts/lookup").then().body("id", equalTo(phoneContact));
        given().get("/api/v1/contacts/" + phoneContact + "/interactions").then().statusCode(200)
                .body("items.size()", equalTo(3));
        given().get("/api/v1/deals?contactId=" + phoneContact).then().statusCode(200)
                .body("items.size()", equalTo(1));
        given().get("/api/v1/contacts/" + usernameContact).then().statusCode(200)
                .body("erased", equalTo(true)).body("mergedInto", equalTo(phoneContact))
                .body("whatsappUserId", nullValue());
        given().get("/api/v1/contacts/" + usernameContact + "/interactions").then().body("items.size()", equalTo(0));

        // the merge is done once: the same message again is a duplicate on the survivor
        post("/api/v1/interactions", Map.of("items", List.of(
                item(phone, userId, "@pablomorales", "I want to order", "wamid." + userId + ".b"))))
                .statusCode(200).body("duplicates", equalTo(1));
    }
}
