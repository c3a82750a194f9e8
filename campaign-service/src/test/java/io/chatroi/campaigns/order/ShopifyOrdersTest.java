package io.chatroi.campaigns.order;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.chatroi.campaigns.dispatch.FakeGraphApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Shopify orders credited to the campaign that earned them (UTM, last click, last delivered send, or none),
 * signature and duplicate handling, refunds, the forward to contacts-service's deals and the attribution report.
 */
@QuarkusTest
class ShopifyOrdersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    OrderDealSync deals;

    @Test
    void ordersAreCreditedByUtmClickOrSendMatchedByPhoneAndRefundsTakeRevenueBackOut() {
        String name = "Orders " + UUID.randomUUID().toString().substring(0, 8);
        String campaign = ShopFixtures.launch(dispatcher, name);
        List<Row> sent = CampaignFixtures.sent(pool, campaign);
        assertThat(sent).hasSizeGreaterThan(4);
        Row byUtm = sent.get(0);
        Row byClick = sent.get(1);
        Row bySend = sent.get(2);

        // the buyer of the second send opened its tracked link; the third's message was delivered
        given().redirects().follow(false).get("/r/" + codeOf(byClick)).then().statusCode(302);
        delivered(bySend.getString("provider_message_id"));
        // an hour ahead, inside the attribution window, so the report's range holds this test's orders only
        // (other tests of this class place orders around now)
        Instant orderedAt = Instant.now().plus(java.time.Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant before = orderedAt.minusSeconds(1);

        String utmOrder = String.valueOf(IDS.incrementAndGet());
        String landing = "/products/widget?utm_source=whatsapp&utm_medium=message&utm_campaign="
                + name.replace(" ", "+") + "&utm_content=" + byUtm.getString("variant");
        ShopFixtures.deliver("orders/create", ShopFixtures.order(utmOrder, "120.00", "paid",
                        ShopFixtures.national(byUtm.getString("phone")), landing, orderedAt))
                .statusCode(200).body("result", equalTo("created")).body("credit", equalTo("utm"));
        String clickOrder = String.valueOf(IDS.incrementAndGet());
        ShopFixtures.deliver("orders/paid", ShopFixtures.order(clickOrder, "80.00", "paid",
                ShopFixtures.national(byClick.getString("phone")), "/", orderedAt)).statusCode(200)
                .body("credit", equalTo("click"));
        String sendOrder = String.valueOf(IDS.incrementAndGet());
        ShopFixtures.deliver("orders/paid", ShopFixtures.order(sendOrder, "50.00", "paid",
                ShopFixtures.national(bySend.getString("phone")), null, orderedAt)).statusCode(200)
                .body("credit", equalTo("send"));
        String strangerOrder = String.valueOf(IDS.incrementAndGet());
        ShopFixtures.deliver("orders/paid", ShopFixtures.order(strangerOrder, "30.00", "paid", "030 99887766", null,
                orderedAt)).statusCode(200).body("credit", equalTo("none"));

        Map<String, Object> stored = order(utmOrder);
        assertThat(stored).containsEntry("campaign_id", campaign).containsEntry("variant", byUtm.getString("variant"))
                .containsEntry("status", "paid");
        assertThat(stored.get("phones")).isEqualTo(List.of(byUtm.getString("phone")));
        assertThat(order(clickOrder)).containsEntry("send_id", byClick.getUUID("id").toString());
        assertThat(order(sendOrder)).containsEntry("send_id", bySend.getUUID("id").toString());

        // paid orders reach contacts-service as deals; the stranger's waits unmatched
        deals.drain(10).await().atMost(WAIT);
        JsonObject forwarded = lastForwarded(utmOrder);
        assertThat(forwarded.getString("revenue")).isEqualTo("120.00");
        assertThat(forwarded.getString("campaignId")).isEqualTo(campaign);
        assertThat(forwarded.getString("profit")).isNull();
        assertThat(order(utmOrder).get("contact_id")).isEqualTo(byUtm.getUUID("contact_id").toString());
        assertThat(order(strangerOrder).get("contact_id")).isNull();

        // a refund counts once, however often it is delivered, and the deal follows
        String refundId = String.valueOf(IDS.incrementAndGet());
        ShopFixtures.deliver("refunds/create", ShopFixtures.refund(refundId, utmOrder, "20.00")).statusCode(200)
                .body("result", equalTo("refunded"));
        ShopFixtures.deliver("refunds/create", ShopFixtures.refund(refundId, utmOrder, "20.00")).statusCode(200);
        deals.drain(10).await().atMost(WAIT);
        assertThat(lastForwarded(utmOrder).getString("revenue")).isEqualTo("100.00");

        JsonPath report = given().queryParam("from", before.toString()).queryParam("to",
                        orderedAt.plusSeconds(1).toString()).get("/api/v1/attribution").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getInt("totals.orders")).isEqualTo(4);
        assertThat(report.getInt("totals.unmatched")).isEqualTo(1);
        assertThat(report.getFloat("totals.revenue")).isEqualTo(260f);
        assertThat(report.getFloat("totals.attributedRevenue")).isEqualTo(230f);
        assertThat(report.getFloat("totals.unattributedRevenue")).isEqualTo(30f);
        assertThat(report.getInt("totals.byCredit.utm")).isEqualTo(1);
        assertThat(report.getInt("totals.byCredit.click")).isEqualTo(1);
        assertThat(report.getInt("totals.byCredit.send")).isEqualTo(1);
        assertThat(report.getInt("totals.byCredit.none")).isEqualTo(1);
        List<Map<String, Object>> byCampaign = report.getList("byCampaign");
        float credited = 0;
        for (Map<String, Object> row : byCampaign) {
            assertThat(row.get("campaignId")).isEqualTo(campaign);
            credited += ((Number) row.get("revenue")).floatValue();
        }
        assertThat(credited).isEqualTo(230f);
        Map<String, Object> utmVariant = byCampaign.stream()
                .filter(row -> row.get("variant").equals(byUtm.getString("variant"))).findFirst().orElseThrow();
        assertThat(((Number) utmVariant.get("orders")).intValue()).isGreaterThanOrEqualTo(1);

        String csv = given().queryParam("from", before.toString()).queryParam("to", orderedAt.plusSeconds(1).toString())
                .queryParam("format", "csv").get("/api/v1/attribution").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).contains("," + utmOrder + ",paid,").contains(",utm," + campaign + "," + name + ",");
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndARetriedDeliveryChangesNothing() {
        String id = String.valueOf(IDS.incrementAndGet());
        JsonObject payload = ShopFixtures.order(id, "10.00", "pending", "030 12345678", null, Instant.now());
        ShopFixtures.deliver("orders/create", payload, UUID.randomUUID().toString(), "bm90IHRoZSBzaWduYXR1cmU=")
                .statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create").body(payload.encode())
                .post("/webhooks/shopify").then().statusCode(401);
        assertThat(count(id)).isZero();

        String webhookId = UUID.randomUUID().toString();
        ShopFixtures.deliver("orders/create", payload, webhookId, null).statusCode(200).body("duplicate", equalTo(false));
        ShopFixtures.deliver("orders/create", payload, webhookId, null).statusCode(200).body("duplicate", equalTo(true));
        assertThat(count(id)).isEqualTo(1);
        assertThat(order(id)).containsEntry("status", "pending").containsEntry("version", 1);

        // a later paid event moves it on; a late orders/create does not move it back
        ShopFixtures.deliver("orders/paid", payload.copy().put("financial_status", "paid")).statusCode(200)
                .body("result", equalTo("updated"));
        ShopFixtures.deliver("orders/create", payload).statusCode(200);
        assertThat(order(id)).containsEntry("status", "paid");
        ShopFixtures.deliver("orders/cancelled", payload.copy().put("cancelled_at", Instant.now().toString()))
                .statusCode(200);
        assertThat(order(id)).containsEntry("status", "cancelled");

        ShopFixtures.deliver("orders/create", new JsonObject().put("note", "no id")).statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Hmac-Sha256", new ShopSignature(ShopFixtures.secret("shopify")).sign("{not json".getBytes(StandardCharsets.UTF_8)))
                .body("{not json").post("/webhooks/shopify").then().statusCode(400);
    }

    @Test
    void theNeutralApiStoresOrdersIdempotentlyAndRejectsABadBatchWhole() {
        String source = "erp";
        String first = "ERP-" + IDS.incrementAndGet();
        Map<String, Object> order = new HashMap<>(Map.of("source", source, "externalId", first, "amount", 99.5,
                "currency", "USD", "phone", "+1 415 555 2671",
                // long ago, so that no other test's attribution window (around now) counts this order
                "orderedAt", Instant.now().minus(java.time.Duration.ofDays(400)).toString(),
                "paidAt", Instant.now().minus(java.time.Duration.ofDays(400)).toString(), "profit", 40));
        CampaignFixtures.post("/api/v1/orders", Map.of("items", List.of(order))).statusCode(200)
                .body("created", equalTo(1)).body("items[0].credit", equalTo("none"));
        CampaignFixtures.post("/api/v1/orders", Map.of("items", List.of(order))).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1));
        assertThat(count(source, first)).isEqualTo(1);
        assertThat(order(source, first)).containsEntry("status", "paid").containsEntry("phones", List.of("+14155552671"));

        String second = "ERP-" + IDS.incrementAndGet();
        Map<String, Object> bad = new HashMap<>(order);
        bad.put("externalId", second);
        bad.put("amount", -3);
        bad.put("phone", "not a phone");
        bad.put("currency", "dollars");
        Map<String, Object> good = new HashMap<>(order);
        good.put("externalId", "ERP-" + IDS.incrementAndGet());
        JsonPath problem = CampaignFixtures.post("/api/v1/orders", Map.of("items", List.of(good, bad))).statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field")).contains("items[1].amount", "items[1].phones", "items[1].currency");
        assertThat(count(source, second)).isZero();
        assertThat(count(source, (String) good.get("externalId"))).isZero();
        CampaignFixtures.post("/api/v1/orders", Map.of("items", List.of())).statusCode(400);
        given().queryParam("from", "yesterday").get("/api/v1/attribution").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private static String codeOf(Row send) {
        JsonObject body = FakeGraphApi.ACCEPTED.stream()
                .filter(b -> send.getUUID("id").toString().equals(b.getString("biz_opaque_callback_data")))
                .findFirst().orElseThrow();
        return body.getJsonObject("template").getJsonArray("components").stream().map(JsonObject.class::cast)
                .filter(c -> "button".equals(c.getString("type"))).findFirst().orElseThrow()
                .getJsonArray("parameters").getJsonObject(0).getString("text");
    }

    private static void delivered(String messageId) {
        JsonObject value = new JsonObject().put("messaging_product", "whatsapp").put("statuses", new JsonArray()
                .add(new JsonObject().put("id", messageId).put("status", "delivered")
                        .put("timestamp", String.valueOf(Instant.now().getEpochSecond()))));
        byte[] bytes = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                .add(new JsonObject().put("id", "W").put("changes", new JsonArray().add(new JsonObject()
                        .put("field", "messages").put("value", value))))).encode().getBytes(StandardCharsets.UTF_8);
        SignedWebhooks.postMeta(bytes).statusCode(200);
    }

    private static JsonObject lastForwarded(String externalId) {
        List<JsonObject> seen = FakeContactsService.ORDER_DEALS.stream()
                .filter(item -> externalId.equals(item.getString("externalId"))).toList();
        assertThat(seen).isNotEmpty();
        return seen.get(seen.size() - 1);
    }

    private Map<String, Object> order(String externalId) {
        return order("shopify", externalId);
    }

    private Map<String, Object> order(String source, String externalId) {
        Row row = pool.preparedQuery("SELECT status, version, campaign_id::text, variant, send_id::text,"
                        + " contact_id::text, phones FROM orders WHERE source = $1 AND external_id = $2")
                .execute(Tuple.of(source, externalId)).await().atMost(WAIT).iterator().next();
        Map<String, Object> out = new HashMap<>();
        out.put("status", row.getString("status"));
        out.put("version", row.getInteger("version"));
        out.put("campaign_id", row.getString("campaign_id"));
        out.put("variant", row.getString("variant"));
        out.put("send_id", row.getString("send_id"));
        out.put("contact_id", row.getString("contact_id"));
        out.put("phones", List.of(row.getArrayOfStrings("phones")));
        return out;
    }

    private long count(String externalId) {
        return count("shopify", externalId);
    }

    private long count(String source, String externalId) {
        return pool.preparedQuery("SELECT count(*) FROM orders WHERE source = $1 AND external_id = $2")
                .execute(Tuple.of(source, externalId)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
