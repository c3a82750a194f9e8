package io.chatroi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A WhatsApp user who adopted a username writes in, and Meta withholds the phone: the message names the user only
 * by business-scoped user id (BSUID) and username, shaped as Meta documents it. Through the gateway and the real
 * services it becomes a contact with no phone, found by its BSUID, whose question is classified, and whose deal is
 * won: from first message to revenue without ever knowing the phone. It wrote from a click-to-WhatsApp ad, so its
 * revenue is read in the KPIs by that ad. It adds a contact and revenue, so it runs
 * after the walks that assert their own totals (junit-platform.properties orders the classes).
 */
@ExtendWith(Stack.class)
@Order(Integer.MAX_VALUE - 1)
class UsernameContactEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Meta's referral on a message sent from a click-to-WhatsApp ad. */
    private static String adReferral(String adId) {
        return ",\"referral\":{\"source_url\":\"https://fb.me/3cr4Wqqkv\",\"source_id\":\"" + adId + "\","
                + "\"source_type\":\"ad\",\"headline\":\"20 piece sets, shipped free\",\"body\":\"Ask us on WhatsApp\","
                + "\"media_type\":\"image\",\"image_url\":\"https://example.com/ad.jpg\","
                + "\"ctwa_clid\":\"ARAkLkA8rmlFeiCktEJQ\"}";
    }

    private static String usernameMessage(String bsuid, String username, String messageId, String text,
                                          String adId) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":"
                + "\"Sheena Nelson\",\"username\":\"" + username + "\"},\"user_id\":\"" + bsuid + "\"}],"
                + "\"messages\":[{\"from_user_id\":\"" + bsuid + "\",\"id\":\"" + messageId + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}"
                + adReferral(adId) + "}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** Meta's user_changed_user_id system notice: no phone, no contacts array, the new and previous BSUIDs. */
    private static String userChangedUserId(String previous, String next, String messageId) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"messages\":[{\"id\":\"" + messageId
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"system\",\"system\":{"
                + "\"body\":\"User Sheena Nelson changed their business-scoped user ID\",\"user_id\":\"" + next
                + "\",\"previous_user_id\":\"" + previous + "\",\"type\":\"user_changed_user_id\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    @Test
    void aUsernameOnlyContactGoesFromItsFirstMessageToAWonDeal() {
        String manager = key("manager", null);
        String run = Long.toString(Math.abs(System.nanoTime()));
        String bsuid = "US.1349" + run;
        String username = "@sheena" + run;

        String adId = "120208838237" + run;
        E2e.postSignedWhatsapp(usernameMessage(bsuid, username, "wamid.E2EUSER" + run,
                "How much is the 20 piece set?", adId));

        String contact = await("the username-only sender to become a contact", WAIT, () -> {
            var response = as(manager).queryParam("whatsappUserId", bsuid).get("/api/v1/contacts/lookup");
            return response.statusCode() == 200 ? response.then().extract().<String>path("id") : null;
        });
        as(manager).queryParam("username", username).get("/api/v1/contacts/lookup").then().statusCode(200)
                .body("id", equalTo(contact)).body("phone", nullValue()).body("whatsappUserId", equalTo(bsuid))
                .body("name", equalTo("Sheena Nelson")).body("stage", equalTo("engaged"))
                .body("intent", equalTo("high"));
        as(manager).get("/api/v1/contacts/" + contact + "/interactions").then().statusCode(200)
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].text", equalTo("How much is the 20 piece set?"));

        // its conversation is found by the contact, though it has no phone
        as(manager).queryParam("contactId", contact).get("/api/v1/conversations").then().statusCode(200)
                .body("items[0].phone", nullValue()).body("items[0].whatsappUserId", equalTo(bsuid))
                .body("items[0].inbound", equalTo(1))
                .body("items[0].items[0].text", equalTo("How much is the 20 piece set?"));

        // Meta says the user's BSUID changed: the same contact now carries the new one
        String newBsuid = "US.2468" + run;
        E2e.postSignedWhatsapp(userChangedUserId(bsuid, newBsuid, "wamid.E2EUSERID" + run));
        await("the contact to carry the new BSUID", WAIT, () -> {
            var response = as(manager).queryParam("whatsappUserId", newBsuid).get("/api/v1/contacts/lookup");
            return response.statusCode() == 200 ? response.then().extract().<String>path("id") : null;
        });
        as(manager).queryParam("whatsappUserId", newBsuid).get("/api/v1/contacts/lookup").then().statusCode(200)
                .body("id", equalTo(contact));
        as(manager).get("/api/v1/contacts/" + contact + "/interactions").then().statusCode(200)
                .body("items.size()", equalTo(1)); // the notice is no message from the contact

        String deal = as(manager).contentType("application/json").body(Map.of("contactId", contact,
                "stage", "inquiry")).post("/api/v1/deals").then().statusCode(201).extract().path("id");
        as(manager).contentType("application/merge-patch+json").body(Map.of("stage", "won", "orderAmount", 480,
                "profit", 120, "currency", "USD")).patch("/api/v1/deals/" + deal).then().statusCode(200)
                .body("stage", equalTo("won"));
        as(manager).get("/api/v1/contacts/" + contact).then().statusCode(200)
                .body("stage", equalTo("customer")).body("phone", nullValue()).body("source", equalTo("ads_ctwa"));

        // the ad it came through is its row in the KPIs by ad, with the ad's headline and the deal's revenue
        String location = as(manager).contentType("application/json").body(Map.of("sync", true))
                .post("/api/v1/recompute").then().statusCode(202).extract().header("Location");
        await("the recompute to succeed", WAIT, () -> "succeeded".equals(as(manager).get(location).then()
                .statusCode(200).extract().path("status")) ? true : null);
        // the deal was won today in the workspace's time zone, whichever it is: a range around today's UTC date
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        as(manager).queryParam("groupBy", "ad").queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/api/v1/kpis").then().statusCode(200)
                .body("rows.find { it.group == '" + adId + "' }.name", equalTo("20 piece sets, shipped free"))
                .body("rows.find { it.group == '" + adId + "' }.counts.orders", equalTo(1))
                .body("rows.find { it.group == '" + adId + "' }.counts.contactsAdded", equalTo(1));
    }
}
