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
}
