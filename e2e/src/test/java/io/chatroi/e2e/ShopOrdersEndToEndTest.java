package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Revenue that finds its campaign by itself: a campaign with a tracked link goes out, a buyer clicks, and the shop's
 * signed Shopify order, whose landing_site carries the link's UTM parameters, becomes a won deal of the buyer's
 * owner, revenue on the right campaign and variant (in the attribution report and the experiment), and part of ROI
 * and ROAS. A refund takes it back out. It adds
 * contacts and revenue, so it runs after the other walks (junit-platform.properties orders the classes).
 */
@ExtendWith(Stack.class)
@Order(Integer.MAX_VALUE)
class ShopOrdersEndToEndTest {

    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aShopifyOrderFromATrackedLinkIsRevenueOfItsCampaignAndVariantUntilItIsRefunded() {
        String manager = key("manager", null);
        String integrator = key("integrator", null);
        String viewer = key("viewer", null);
        String tag = "e2e-shop-" + RUN;
        String buyer = "+4930" + (70_000_000 + (System.nanoTime() % 9_000_000));
        String other = "+4930" + (80_000_000 + (System.nanoTime() % 9_000_000));
        as(integrator).contentType("text/csv").body("phone,name,owner,tags\n" + buyer + ",Shop buyer,alice," + tag
                + "\n" + other + ",Shop browser,alice," + tag + "\n").post("/api/v1/contacts/import").then()
                .statusCode(200).body("created", equalTo(2));
        String buyerId = as(manager).queryParam("q", buyer).get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items[0].id");

        String name = "e2e shop " + RUN;
        String campaign = launch(manager, name, tag);
        List<Map<String, Object>> sends = as(manager).get("/api/v1/campaigns/" + campaign + "/sends").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> send = sends.stream().filter(s -> buyer.equals(s.get("phone"))).findFirst().orElseThrow();
        String variant = (String) send.get("variant");

        // the buyer opens the tracked link and lands in the shop with the campaign's UTM parameters
        String location = given().redirects().follow(false)
                .get("/r/" + E2e.linkCode(UUID.fromString((String) send.get("id")), 0)).then().statusCode(302)
                .header("Location", containsString("utm_content=" + variant)).extract().header("Location");
        URI landed = URI.create(location);
        String landingSite = landed.getRawPath() + "?" + landed.getRawQuery();

        String orderId = String.valueOf(5_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String order = shopifyOrder(orderId, "300.00", "030 " + buyer.substring(5), landingSite);
        given().contentType("application/json").header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Hmac-Sha256", "bm90IHRoZSBzaWduYXR1cmU=").body(order).post("/webhooks/shopify")
                .then().statusCode(401);
        String webhookId = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 2; delivery++) {
            shopify("orders/paid", order, webhookId).body("duplicate", equalTo(delivery == 1));
        }

        Map<String, Object> deal = await("the order's won deal", WAIT, () -> {
            List<Map<String, Object>> deals = as(manager).get("/api/v1/deals?contactId=" + buyerId).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return deals.stream().filter(d -> ("shopify:" + orderId).equals(d.get("origin"))).findFirst().orElse(null);
        });
        assertThat(deal).containsEntry("stage", "won").containsEntry("owner", "alice")
                .containsEntry("campaignId", campaign).containsEntry("currency", "USD");
        assertThat(((Number) deal.get("orderAmount")).doubleValue()).isEqualTo(300.0);
        as(manager).get("/api/v1/contacts/" + buyerId).then().body("stage", equalTo("customer"));

        // the order records its deal once contacts-service answered the outbox
        JsonPath attribution = await("the order's deal on its attribution", WAIT, () -> {
            JsonPath report = as(viewer).get("/api/v1/attribution?campaignId=" + campaign).then().statusCode(200)
                    .extract().jsonPath();
            return report.getString("items[0].dealId") != null ? report : null;
        });
        assertThat(attribution.getString("items[0].externalId")).isEqualTo(orderId);
        assertThat(attribution.getString("items[0].credit")).isEqualTo("utm");
        assertThat(attribution.getString("items[0].variant")).isEqualTo(variant);
        assertThat(attribution.getString("items[0].dealId")).isEqualTo(deal.get("id"));
        assertThat(attribution.getList("byCampaign")).hasSize(1);
        assertThat(attribution.getString("byCampaign[0].variant")).isEqualTo(variant);
        assertThat(attribution.getDouble("byCampaign[0].revenue")).isEqualTo(300.0);
        assertThat(attribution.getInt("byCampaign[0].orders")).isEqualTo(1);
        as(viewer).get("/api/v1/attribution?format=csv&campaignId=" + campaign).then().statusCode(200)
                .body(containsString(orderId + ",paid,")).body(containsString(",utm," + campaign + "," + name + "," + variant));
        as(integrator).get("/api/v1/attribution").then().statusCode(403);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(manager).contentType("application/json").body(Map.of("category", "platform_fees", "amount", 50,
                "currency", "USD", "periodStart", today, "campaignId", campaign)).post("/api/v1/costs").then()
                .statusCode(201);
        recompute(manager);
        double cost = 50 + 2 * 0.1365;
        as(viewer).get("/api/v1/roi?from=" + today + "&to=" + today + "&campaignId=" + campaign).then().statusCode(200)
                .body("basis", equalTo("revenue"))
                .body("counts.revenue", closeTo(300, 0.001)).body("counts.orders", equalTo(1))
                .body("attribution.attributedRevenue", closeTo(300, 0.001))
                .body("kpis.roas.value", closeTo(300 / cost, 0.001))
                .body("roi", closeTo((300 - cost) / cost, 0.001));
        // the experiment credits the order's revenue to the variant the buyer was sent
        as(viewer).get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("variants.find { it.variant == '" + variant + "' }.revenue", closeTo(300, 0.001))
                .body("variants.find { it.variant != '" + variant + "' }.revenue", closeTo(0, 0.001));

        // the shop refunds the whole order: the deal is lost and the revenue leaves the campaign
        shopify("refunds/create", "{\"id\":" + (Long.parseLong(orderId) + 1) + ",\"order_id\":" + orderId
                + ",\"created_at\":\"" + Instant.now() + "\",\"transactions\":[{\"kind\":\"refund\","
                + "\"status\":\"success\",\"amount\":\"300.00\"}]}", UUID.randomUUID().toString())
                .body("result", equalTo("refunded"));
        await("the refund reaches the deal", WAIT, () -> "lost".equals(as(manager).get("/api/v1/deals/" + deal.get("id"))
                .then().statusCode(200).extract().path("stage")) ? true : null);
        as(viewer).get("/api/v1/attribution?campaignId=" + campaign).then().statusCode(200)
                .body("totals.revenue", closeTo(0, 0.001)).body("items[0].refunded", closeTo(300, 0.001));
        recompute(manager);
        as(viewer).get("/api/v1/roi?from=" + today + "&to=" + today + "&campaignId=" + campaign).then().statusCode(200)
                .body("counts.revenue", closeTo(0, 0.001)).body("counts.orders", equalTo(0));
        as(viewer).get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("variants.find { it.variant == '" + variant + "' }.revenue", closeTo(0, 0.001));
    }

    private static String launch(String manager, String name, String tag) {
        String template = as(manager).contentType("application/json").body(Map.of("name", "shop_" + RUN,
                        "language", "en_US", "category", "marketing", "body", "Hi {{1}}, the LED sale ends {{2}}",
                        "buttons", List.of(Map.of("type", "url", "text", "Shop now", "url", "https://shop.example.com/led"))))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        String campaign = as(manager).contentType("application/json")
                .body(E2e.campaign(name, Map.of("filter", Map.of("tagsAll", List.of(tag))), template, template))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/campaigns/" + campaign + "/launch").then().statusCode(200);
        await("the shop campaign delivered", WAIT, () -> {
            Map<String, Object> counters = as(manager).get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                    .extract().jsonPath().getMap("counters");
            return counters != null && ((Number) counters.get("delivered")).intValue() == 2 ? true : null;
        });
        return campaign;
    }

    private static String shopifyOrder(String id, String total, String nationalPhone, String landingSite) {
        String now = Instant.now().toString();
        return "{\"id\":" + id + ",\"name\":\"#" + id + "\",\"currency\":\"USD\",\"total_price\":\"" + total + "\","
                + "\"financial_status\":\"paid\",\"created_at\":\"" + now + "\",\"processed_at\":\"" + now + "\","
                + "\"landing_site\":\"" + landingSite + "\",\"landing_site_ref\":null,\"cancelled_at\":null,"
                + "\"customer\":{\"id\":7,\"phone\":null},\"billing_address\":{\"phone\":\"" + nationalPhone
                + "\",\"country_code\":\"DE\"},\"line_items\":[{\"title\":\"LED panel\",\"quantity\":2}]}";
    }

    private static io.restassured.response.ValidatableResponse shopify(String topic, String body, String webhookId) {
        return given().contentType("application/json").header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", E2e.shopifySignature(body)).header("X-Shopify-Webhook-Id", webhookId)
                .body(body).post("/webhooks/shopify").then().statusCode(200);
    }

    private static void recompute(String manager) {
        String location = as(manager).contentType("application/json").body(Map.of("sync", true))
                .post("/api/v1/recompute").then().statusCode(202).extract().header("Location");
        Map<String, Object> run = await("the recompute to finish", WAIT, () -> {
            Map<String, Object> view = as(manager).get(location).then().statusCode(200).extract().jsonPath().getMap("");
            return List.of("succeeded", "failed", "skipped").contains(view.get("status")) ? view : null;
        });
        assertThat(run.get("status")).as("recompute %s", run).isEqualTo("succeeded");
    }
}
