package io.chatroi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An order placed in the WhatsApp chat, answering a campaign send, becomes an interaction with its items and an
 * inquiry deal of the contact credited to the campaign (campaign-service -> contacts-service); Meta pausing the
 * campaign's template shows on the template, in the account events and in the alerts (-> metrics-service). It adds
 * a deal, so it runs with the walks that add revenue, at the end.
 */
@ExtendWith(Stack.class)
@Order(Integer.MAX_VALUE - 1)
class ChatOrderEndToEndTest {

    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void anOrderInTheChatOpensAnInquiryDealOfTheCampaignAndAPausedTemplateRaisesAnAlert() {
        String manager = key("manager", null);
        String viewer = key("viewer", null);
        String tag = "e2e-chat-order-" + RUN;
        String buyer = "+4930" + (60_000_000 + (System.nanoTime() % 9_000_000));
        as(manager).contentType("text/csv").body("phone,name,owner,tags\n" + buyer + ",Chat buyer,alice," + tag + "\n")
                .post("/api/v1/contacts/import").then().statusCode(200).body("created", equalTo(1));
        String buyerId = as(manager).queryParam("q", buyer).get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items[0].id");
        String templateName = "chat_order_" + RUN;
        String template = as(manager).contentType("application/json").body(Map.of("name", templateName,
                        "language", "en_US", "category", "marketing", "body", "Hi {{1}}, our LED catalogue is in"))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        String campaign = as(manager).contentType("application/json").body(Map.of("name", "e2e chat order " + RUN,
                        "owner", "alice", "audience", Map.of("filter", Map.of("tagsAll", List.of(tag))),
                        "variants", List.of(Map.of("key", "A", "templateId", template, "weight", 1,
                                "parameters", List.of("friend"))),
                        "rules", Map.of("respectQuietHours", false, "frequencyCap", false)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/campaigns/" + campaign + "/launch").then().statusCode(200);
        String sendMessageId = await("the campaign's message sent", WAIT, () -> as(manager)
                .get("/api/v1/campaigns/" + campaign + "/sends").then().statusCode(200).extract()
                .path("items[0].providerMessageId"));

        String orderId = "wamid.e2e-order-" + RUN;
        E2e.postSignedWhatsapp("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550001111\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":"
                + "\"Chat buyer\"},\"wa_id\":\"" + buyer.substring(1) + "\"}],\"messages\":[{\"from\":\""
                + buyer.substring(1) + "\",\"id\":\"" + orderId + "\",\"timestamp\":\""
                + (Instant.now().getEpochSecond() + 1) + "\",\"type\":\"order\",\"context\":{\"from\":\"15550001111\","
                + "\"id\":\"" + sendMessageId + "\"},\"order\":{\"catalog_id\":\"194836987003835\",\"text\":\"Deliver"
                + " Friday\",\"product_items\":[{\"product_retailer_id\":\"LED-A19\",\"quantity\":4,\"item_price\":"
                + "12.5,\"currency\":\"EUR\"}]}}]},\"field\":\"messages\"}]}]}");

        Map<String, Object> deal = await("the order's inquiry deal", WAIT, () -> {
            List<Map<String, Object>> deals = as(manager).get("/api/v1/deals?contactId=" + buyerId).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return deals.stream().filter(d -> ("whatsapp:" + orderId).equals(d.get("origin"))).findFirst()
                    .orElse(null);
        });
        assertThat(deal.get("stage")).isEqualTo("inquiry");
        assertThat(new BigDecimal(String.valueOf(deal.get("orderAmount")))).isEqualByComparingTo("50");
        assertThat(deal.get("currency")).isEqualTo("EUR");
        assertThat(deal.get("campaignId")).isEqualTo(campaign);
        as(manager).get("/api/v1/contacts/" + buyerId + "/interactions").then().statusCode(200)
                .body("items.find { it.externalId == '" + orderId + "' }.order.items[0].productRetailerId",
                        equalTo("LED-A19"));

        long time = Instant.now().getEpochSecond();
        E2e.postSignedWhatsapp("{\"entry\":[{\"id\":\"102290129340398\",\"time\":" + time + ",\"changes\":[{\"value\":"
                + "{\"event\":\"PAUSED\",\"message_template_id\":594425479261596,\"message_template_name\":\""
                + templateName + "\",\"message_template_language\":\"en_US\",\"reason\":\"Your template has been"
                + " paused due to low quality.\"},\"field\":\"message_template_status_update\"}]}],"
                + "\"object\":\"whatsapp_business_account\"}");
        as(manager).get("/api/v1/templates/" + template).then().statusCode(200).body("status", equalTo("PAUSED"));
        as(viewer).queryParam("from", Instant.ofEpochSecond(time).toString())
                .queryParam("field", "message_template_status_update").get("/api/v1/account-events").then()
                .statusCode(200).body("items.find { it.templateName == '" + templateName + "' }.severity",
                        equalTo("critical"));
        as(viewer).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.find { it.id == 'accountHealth:template:" + templateName + ":en_US' }.status",
                        equalTo("alert"));
    }
}
