package io.chatroi.campaigns.order;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shopify-shaped order and refund payloads, signed as Shopify signs them, and a sent campaign, for the order tests. */
final class ShopFixtures {

    private ShopFixtures() {
    }

    /** The webhook secret {@code shop} signs with, as the test profile sets {@code chatroi.<shop>.webhook-secret}. */
    static String secret(String shop) {
        return ConfigProvider.getConfig().getValue("chatroi." + shop + ".webhook-secret", String.class);
    }

    /** An order as Shopify's REST Admin API shapes it; the phone sits on the billing address in national format. */
    static JsonObject order(String id, String total, String financialStatus, String nationalPhone, String landingSite,
                            Instant createdAt) {
        return new JsonObject().put("id", Long.parseLong(id)).put("admin_graphql_api_id", "gid://shopify/Order/" + id)
                .put("name", "#" + id).put("currency", "EUR").put("total_price", total)
                .put("financial_status", financialStatus).put("created_at", createdAt.toString())
                .put("processed_at", createdAt.toString()).put("landing_site", landingSite)
                .put("landing_site_ref", null).put("cancelled_at", null).put("phone", null)
                .put("customer", new JsonObject().put("id", 1).put("phone", null))
                .put("billing_address", new JsonObject().put("phone", nationalPhone).put("country_code", "DE"))
                .put("shipping_address", new JsonObject().put("phone", null).put("country_code", "DE"))
                .put("line_items", new JsonArray().add(new JsonObject().put("title", "Widget").put("quantity", 1)
                        .put("price", total)));
    }

    static JsonObject refund(String id, String orderId, String amount) {
        return new JsonObject().put("id", Long.parseLong(id)).put("order_id", Long.parseLong(orderId))
                .put("created_at", Instant.now().toString()).put("transactions", new JsonArray()
                        .add(new JsonObject().put("kind", "refund").put("status", "success").put("amount", amount))
                        .add(new JsonObject().put("kind", "refund").put("status", "failure").put("amount", "999.00")));
    }

    /** Launches a campaign of that name to the fake contacts tagged vip and sends it through the Graph stand-in. */
    static String launch(Dispatcher dispatcher, String name) {
        String template = CampaignFixtures.template("marketing");
        Map<String, Object> body = new HashMap<>(
                CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, template, template));
        body.put("name", name);
        return CampaignFixtures.launchAndDispatch(dispatcher, body);
    }

    static ValidatableResponse deliver(String topic, JsonObject payload) {
        return deliver(topic, payload, UUID.randomUUID().toString(), null);
    }

    static ValidatableResponse deliver(String topic, JsonObject payload, String webhookId, String forgedSignature) {
        byte[] body = payload.encode().getBytes(StandardCharsets.UTF_8);
        String signature = forgedSignature != null ? forgedSignature : new ShopSignature(secret("shopify")).sign(body);
        return given().contentType("application/json").header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", signature).header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Shop-Domain", "example.myshopify.com").body(body).post("/webhooks/shopify").then();
    }

    /** "+4930110000042" as a German shop writes it: 030 11000042. */
    static String national(String e164) {
        return "0" + e164.substring(3, 5) + " " + e164.substring(5);
    }
}
