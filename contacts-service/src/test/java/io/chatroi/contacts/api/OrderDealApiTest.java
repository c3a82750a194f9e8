package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Deals made from shop orders as campaign-service forwards them: matched by phone, won, reduced, lost. */
@QuarkusTest
class OrderDealApiTest {

    @Test
    void aPaidOrderIsAWonDealOfTheContactsOwnerThatRefundsReduceAndACancellationLoses() {
        String owner = owner();
        String phone = berlinPhone();
        String contact = createContact(Map.of("phone", phone, "owner", owner));
        String campaign = UUID.randomUUID().toString();
        String orderId = String.valueOf(System.nanoTime());
        Map<String, Object> order = new HashMap<>(Map.of("source", "shopify", "externalId", orderId,
                "phones", List.of("+4915100000000", phone), "status", "paid", "revenue", "120.00",
                "currency", "EUR", "orderedAt", "2026-11-20T10:00:00Z", "paidAt", "2026-11-20T10:01:00Z",
                "campaignId", campaign, "credit", "utm"));

        JsonPath answer = post("/api/v1/order-deals", Map.of("items", List.of(order))).statusCode(200)
                .extract().jsonPath();
        assertThat(answer.getString("items[0].contactId")).isEqualTo(contact);
        assertThat(answer.getString("items[0].stage")).isEqualTo("won");
        String deal = answer.getString("items[0].dealId");
        given().get("/api/v1/deals/" + deal).then().statusCode(200).body("stage", equalTo("won"))
                .body("orderAmount", equalTo(120.0f)).body("currency", equalTo("EUR"))
                .body("campaignId", equalTo(campaign)).body("owner", equalTo(owner))
                .body("origin", equalTo("shopify:" + orderId)).body("wonAt", equalTo("2026-11-20T10:01:00Z"));
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("customer"));

        // forwarded again: the same deal, not a second one
        post("/api/v1/order-deals", Map.of("items", List.of(order))).statusCode(200)
                .body("items[0].dealId", equalTo(deal));
        order.put("revenue", "90.00");
        order.put("profit", "30.00");
        post("/api/v1/order-deals", Map.of("items", List.of(order))).statusCode(200);
        given().get("/api/v1/deals/" + deal).then().body("orderAmount", equalTo(90.0f)).body("profit", equalTo(30.0f));
        given().get("/api/v1/deals?contactId=" + contact).then().body("items", hasSize(1));

        order.put("status", "cancelled");
        order.put("revenue", "0.00");
        order.put("cancelledAt", "2026-11-22T09:00:00Z");
        post("/api/v1/order-deals", Map.of("items", List.of(order))).statusCode(200)
                .body("items[0].stage", equalTo("lost"));
        given().get("/api/v1/deals/" + deal).then().body("stage", equalTo("lost")).body("orderAmount", equalTo(0.0f))
                .body("lostAt", equalTo("2026-11-22T09:00:00Z"));
    }

    @Test
    void anOrderNobodyHasThePhoneOfIsAnsweredUnmatchedAndAPendingOneMakesNoDeal() {
        String stranger = berlinPhone();
        post("/api/v1/order-deals", Map.of("items", List.of(Map.of("source", "erp", "externalId", "A-1",
                "phones", List.of(stranger), "status", "paid", "revenue", "10.00", "currency", "USD",
                "orderedAt", "2026-11-20T10:00:00Z")))).statusCode(200)
                .body("items[0].contactId", equalTo(null)).body("items[0].dealId", equalTo(null));

        String contact = createContact(Map.of("phone", stranger));
        post("/api/v1/order-deals", Map.of("items", List.of(Map.of("source", "erp", "externalId", "A-2",
                "phones", List.of(stranger), "status", "pending", "revenue", "0.00", "currency", "USD",
                "orderedAt", "2026-11-20T10:00:00Z")))).statusCode(200)
                .body("items[0].contactId", equalTo(contact)).body("items[0].dealId", equalTo(null));
        given().get("/api/v1/deals?contactId=" + contact).then().body("items", hasSize(0));
        post("/api/v1/order-deals", Map.of("items", List.of(Map.of("source", "erp")))).statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBatchIsAnsweredInOrderMakesEachDealOnceAndRepeatedChangesNothing() {
        String owner = owner();
        String buyer = berlinPhone();
        String contact = createContact(Map.of("phone", buyer, "owner", owner));
        String other = berlinPhone();
        String otherContact = createContact(Map.of("phone", other, "owner", owner));
        String stranger = berlinPhone();
        String run = String.valueOf(System.nanoTime());
        List<Map<String, Object>> batch = List.of(
                item("B-" + run + "-1", buyer, "paid", "40.00"),
                item("B-" + run + "-2", stranger, "paid", "15.00"),
                item("B-" + run + "-3", buyer, "paid", "60.00"),
                item("B-" + run + "-4", other, "pending", "0.00"),
                item("B-" + run + "-5", other, "paid", "25.00"));

        JsonPath first = post("/api/v1/order-deals", Map.of("items", batch)).statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.externalId")).containsExactly("B-" + run + "-1", "B-" + run + "-2",
                "B-" + run + "-3", "B-" + run + "-4", "B-" + run + "-5");
        assertThat(first.getList("items.contactId")).containsExactly(contact, null, contact, otherContact,
                otherContact);
        assertThat(first.getList("items.stage")).containsExactly("won", null, "won", null, "won");
        assertThat(first.getString("items[3].dealId")).isNull();
        // two won orders of one contact in one call: a repeat customer; one: a customer
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("repeat_customer"));
        given().get("/api/v1/contacts/" + otherContact).then().body("stage", equalTo("customer"));

        // the outbox forwards a batch again after a lost answer: the same deals, none added, none changed
        JsonPath again = post("/api/v1/order-deals", Map.of("items", batch)).statusCode(200).extract().jsonPath();
        assertThat(again.getList("items.dealId")).isEqualTo(first.getList("items.dealId"));
        given().get("/api/v1/deals?contactId=" + contact).then().body("items", hasSize(2));
        given().get("/api/v1/deals?contactId=" + otherContact).then().body("items", hasSize(1));
        given().get("/api/v1/deals/" + first.getString("items[2].dealId")).then().body("orderAmount", equalTo(60.0f));

        // one order cancelled and one refunded in part, in one call: one deal lost, the other reduced
        Map<String, Object> cancelled = new HashMap<>(batch.get(0));
        cancelled.put("status", "cancelled");
        cancelled.put("revenue", "0.00");
        cancelled.put("cancelledAt", "2026-11-22T09:00:00Z");
        Map<String, Object> refunded = new HashMap<>(batch.get(2));
        refunded.put("revenue", "45.00");
        post("/api/v1/order-deals", Map.of("items", List.of(cancelled, refunded))).statusCode(200)
                .body("items.stage", equalTo(List.of("lost", "won")));
        given().get("/api/v1/deals/" + first.getString("items[0].dealId")).then().body("stage", equalTo("lost"))
                .body("lostAt", equalTo("2026-11-22T09:00:00Z"));
        given().get("/api/v1/deals/" + first.getString("items[2].dealId")).then().body("orderAmount", equalTo(45.0f));

        // an order twice in one call is refused whole
        post("/api/v1/order-deals", Map.of("items", List.of(batch.get(4), batch.get(4)))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("items[1]"));
    }

    private static Map<String, Object> item(String externalId, String phone, String status, String revenue) {
        Map<String, Object> item = new HashMap<>(Map.of("source", "shopify", "externalId", externalId,
                "phones", List.of(phone), "status", status, "revenue", revenue, "currency", "EUR",
                "orderedAt", "2026-11-20T10:00:00Z", "credit", "none"));
        if ("paid".equals(status)) {
            item.put("paidAt", "2026-11-20T10:01:00Z");
        }
        return item;
    }
}
