package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What campaign-service forwards with a WhatsApp message: an order placed in the chat raises intent to high and
 * opens (then updates) an inquiry deal credited to the campaign; a Flow's reply is kept with the interaction; an ad
 * referral is recorded and makes the contact's source ads_ctwa when it had none.
 */
@QuarkusTest
class ChatOrderAndAdApiTest {

    private static Map<String, Object> order(String phone, String messageId, double total, UUID campaignId) {
        Map<String, Object> item = new HashMap<>(Map.of("phone", phone, "direction", "inbound",
                "messageType", "order", "externalId", messageId, "at", Instant.now().minusSeconds(5).toString()));
        Map<String, Object> order = new HashMap<>(Map.of("catalogId", "194836987003835", "total", total,
                "currency", "USD", "items", List.of(
                        Map.of("productRetailerId", "LED-A19", "quantity", 2, "itemPrice", 12.5, "currency", "USD"),
                        Map.of("productRetailerId", "LED-BULK", "quantity", 1, "itemPrice", total - 25,
                                "currency", "USD"))));
        if (campaignId != null) {
            order.put("campaignId", campaignId.toString());
        }
        item.put("order", order);
        return item;
    }

    private static JsonPath deals(String contactId) {
        return given().queryParam("contactId", contactId).get("/api/v1/deals").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anOrderRaisesIntentAndOpensThenUpdatesOneInquiryDealCreditedToTheCampaign() {
        String phone = berlinPhone();
        String owner = owner();
        String contactId = createContact(Map.of("phone", phone, "owner", owner));
        UUID campaign = UUID.randomUUID();
        String first = "wamid." + UUID.randomUUID();
        Map<String, Object> batch = Map.of("createMissingContacts", true,
                "items", List.of(order(phone, first, 124.99, campaign)));
        post("/api/v1/interactions", batch).statusCode(200).body("accepted", equalTo(1));

        given().get("/api/v1/contacts/" + contactId).then().statusCode(200).body("intent", equalTo("high"))
                .body("stage", equalTo("inquiry"));
        JsonPath interactions = given().get("/api/v1/contacts/" + contactId + "/interactions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(interactions.getString("items[0].messageType")).isEqualTo("order");
        assertThat(interactions.getString("items[0].intent")).isEqualTo("high");
        assertThat(new BigDecimal(interactions.getString("items[0].order.total"))).isEqualByComparingTo("124.99");
        assertThat(interactions.getString("items[0].order.campaignId")).isEqualTo(campaign.toString());
        assertThat(interactions.getList("items[0].order.items.productRetailerId"))
                .containsExactly("LED-A19", "LED-BULK");
        JsonPath deals = deals(contactId);
        assertThat(deals.getList("items")).hasSize(1);
        assertThat(deals.getString("items[0].stage")).isEqualTo("inquiry");
        assertThat(new BigDecimal(deals.getString("items[0].orderAmount"))).isEqualByComparingTo("124.99");
        assertThat(deals.getString("items[0].currency")).isEqualTo("USD");
        assertThat(deals.getString("items[0].campaignId")).isEqualTo(campaign.toString());
        assertThat(deals.getString("items[0].owner")).isEqualTo(owner);
        assertThat(deals.getString("items[0].origin")).isEqualTo("whatsapp:" + first);

        // forwarded again: nothing changes; a second order updates the open inquiry instead of opening another
        post("/api/v1/interactions", batch).statusCode(200).body("duplicates", equalTo(1));
        post("/api/v1/interactions", Map.of("items", List.of(order(phone, "wamid." + UUID.randomUUID(), 60.0,
                null)))).statusCode(200).body("accepted", equalTo(1));
        deals = deals(contactId);
        assertThat(deals.getList("items")).hasSize(1);
        assertThat(new BigDecimal(deals.getString("items[0].orderAmount"))).isEqualByComparingTo("60");
        assertThat(deals.getString("items[0].campaignId")).isEqualTo(campaign.toString());
    }

    @Test
    void aFlowReplyIsKeptWithItsInteraction() {
        String phone = berlinPhone();
        String contactId = createContact(Map.of("phone", phone));
        String response = "{\"flow_token\":\"FT-1\",\"budget\":\"5000\",\"units\":\"200\"}";
        post("/api/v1/interactions", Map.of("items", List.of(Map.of("phone", phone, "direction", "inbound",
                "messageType", "interactive", "externalId", "wamid." + UUID.randomUUID(),
                "flowResponse", response)))).statusCode(200).body("accepted", equalTo(1));
        given().get("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(200)
                .body("items[0].flowResponse", equalTo(response)).body("items[0].order", equalTo(null));
        assertThat(deals(contactId).getList("items")).isEmpty();
    }

    @Test
    void anAdReferralIsRecordedAndSetsTheSourceOnlyWhenThereWasNone() {
        String newLead = berlinPhone();
        String known = berlinPhone();
        String fromShow = berlinPhone();
        String knownId = createContact(Map.of("phone", known));
        String showId = createContact(Map.of("phone", fromShow, "source", "trade_show"));
        Map<String, Object> referral = Map.of("sourceId", "120208838237150018", "sourceType", "ad",
                "sourceUrl", "https://fb.me/3cr4Wqqkv", "headline", "LED bulbs for wholesalers",
                "ctwaClid", "ARAkLkA8rmlFeiCktEJQ");
        List<Map<String, Object>> items = List.of(newLead, known, fromShow).stream().map(p -> Map.<String, Object>of(
                "phone", p, "direction", "inbound", "text", "Hi! I saw your ad", "source", "ads_ctwa",
                "externalId", "wamid." + UUID.randomUUID(), "referral", referral)).toList();
        post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", items)).statusCode(200)
                .body("accepted", equalTo(3)).body("contactsCreated", equalTo(1));

        String newId = given().get("/api/v1/contacts?q=" + newLead.substring(1)).then()
                .body("items[0].source", equalTo("ads_ctwa")).extract().path("items[0].id");
        given().get("/api/v1/contacts/" + knownId).then().body("source", equalTo("ads_ctwa"));
        given().get("/api/v1/contacts/" + showId).then().body("source", equalTo("trade_show"));
        for (String id : List.of(newId, knownId, showId)) {
            given().get("/api/v1/contacts/" + id + "/ad-referrals").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].sourceId", equalTo("120208838237150018"))
                    .body("items[0].sourceType", equalTo("ad")).body("items[0].headline",
                            equalTo("LED bulbs for wholesalers"))
                    .body("items[0].ctwaClid", equalTo("ARAkLkA8rmlFeiCktEJQ"))
                    .body("items[0].contactId", equalTo(id));
        }
        given().get("/api/v1/contacts/" + UUID.randomUUID() + "/ad-referrals").then().statusCode(404);
    }

    @Test
    void theReferralFeedListsEveryContactsReferralsInRecordedOrderPageByPageAndNotToAgents() {
        Instant before = Instant.now().minusSeconds(1);
        String first = berlinPhone();
        String second = berlinPhone();
        for (String phone : List.of(first, second)) {
            Map<String, Object> referral = Map.of("sourceId", "ad-" + phone, "sourceType", "ad",
                    "headline", "Headline of " + phone);
            post("/api/v1/interactions", Map.of("createMissingContacts", true, "items", List.of(Map.of("phone", phone,
                    "direction", "inbound", "text", "Hi", "externalId", "wamid." + UUID.randomUUID(),
                    "referral", referral)))).statusCode(200).body("accepted", equalTo(1));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("updatedAfter", before.toString()).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/ad-referrals").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.sourceId"));
            assertThat(page.getList("items.createdAt")).doesNotContainNull();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        // other tests may record referrals meanwhile: ours are there, once each, in the order they were recorded
        List<String> ours = seen.stream().filter(id -> id.equals("ad-" + first) || id.equals("ad-" + second)).toList();
        assertThat(ours).containsExactly("ad-" + first, "ad-" + second);
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", "Li Si").get("/api/v1/ad-referrals")
                .then().statusCode(403);
    }

    @Test
    void aBadOrderIsRejectedByIndexNamingTheFieldAndWritesNothing() {
        String phone = berlinPhone();
        String contactId = createContact(Map.of("phone", phone));
        post("/api/v1/interactions", Map.of("items", List.of(order(phone, "wamid." + UUID.randomUUID(), -5, null))))
                .statusCode(200).body("accepted", equalTo(0)).body("rejected[0].index", equalTo(0))
                .body("rejected[0].reason", containsString("order.total"));
        given().get("/api/v1/contacts/" + contactId + "/interactions").then().body("items.size()", equalTo(0));
        assertThat(deals(contactId).getList("items")).isEmpty();
    }
}
