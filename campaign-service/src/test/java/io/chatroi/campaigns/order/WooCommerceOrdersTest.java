package io.chatroi.campaigns.order;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * WooCommerce's order webhooks into the same orders as Shopify's: the signature over the raw body, the unsigned ping
 * a shop sends when its webhook is saved, deduplication by delivery id, the UTM credit from WooCommerce's order
 * attribution, refunds inside the order counted once each, and cancellation.
 */
@QuarkusTest
class WooCommerceOrdersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10 + 7);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    OrderDealSync deals;

    @Test
    void aSignedWooCommerceOrderIsCreditedByItsAttributionAndItsRefundsAndCancellationFollow() {
        String name = "Woo " + UUID.randomUUID().toString().substring(0, 8);
        String campaign = ShopFixtures.launch(dispatcher, name);
        Row buyer = CampaignFixtures.sent(pool, campaign).get(0);
        String id = String.valueOf(IDS.incrementAndGet());
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject order = order(id, "processing", "120.00", ShopFixtures.national(buyer.getString("phone")), created)
                .put("meta_data", new JsonArray()
                        .add(new JsonObject().put("id", 1).put("key", "_wc_order_attribution_source_type").put("value", "utm"))
                        .add(new JsonObject().put("id", 2).put("key", "_wc_order_attribution_session_entry")
                                .put("value", "https://shop.example.com/products/widget?utm_source=whatsapp"
                                        + "&utm_medium=message&utm_campaign=" + name.replace(" ", "+")
                                        + "&utm_content=" + buyer.getString("variant"))));

        // the ping WooCommerce sends when the webhook is saved: answered, unsigned, nothing stored
        given().contentType("application/x-www-form-urlencoded").body("webhook_id=42").post("/webhooks/woocommerce")
                .then().statusCode(200).body("topic", equalTo("ping")).body("result", equalTo("ignored"));
        deliver("order.created", order, UUID.randomUUID().toString(), "bm90IHRoZSBzaWduYXR1cmU=").statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").header("X-WC-Webhook-Topic", "order.created").body(order.encode())
                .post("/webhooks/woocommerce").then().statusCode(401);
        assertThat(stored(id)).isEmpty();

        String delivery = String.valueOf(IDS.incrementAndGet());
        deliver("order.created", order, delivery, null).statusCode(200).body("result", equalTo("created"))
                .body("credit", equalTo("utm")).body("duplicate", equalTo(false));
        deliver("order.created", order, delivery, null).statusCode(200).body("duplicate", equalTo(true));
        Row row = stored(id).iterator().next();
        assertThat(row.getString("status")).isEqualTo("paid");
        assertThat(row.getUUID("campaign_id")).hasToString(campaign);
        assertThat(row.getString("variant")).isEqualTo(buyer.getString("variant"));
        assertThat(List.of(row.getArrayOfStrings("phones"))).containsExactly(buyer.getString("phone"));
        assertThat(row.getOffsetDateTime("ordered_at").toInstant()).isEqualTo(created);
        deals.drain(10).await().atMost(WAIT);
        assertThat(lastForwarded(id).getString("revenue")).isEqualTo("120.00");

        // a partial refund, then the same order delivered again with it: counted once
        JsonObject refunded = order.copy().put("refunds", new JsonArray()
                .add(new JsonObject().put("id", 9001).put("reason", "damaged").put("total", "-20.00")));
        deliver("order.updated", refunded, String.valueOf(IDS.incrementAndGet()), null).statusCode(200)
                .body("result", equalTo("updated"));
        deliver("order.updated", refunded, String.valueOf(IDS.incrementAndGet()), null).statusCode(200);
        assertThat(stored(id).iterator().next().getBigDecimal("refunded")).isEqualByComparingTo("20.00");
        deals.drain(10).await().atMost(WAIT);
        assertThat(lastForwarded(id).getString("revenue")).isEqualTo("100.00");

        deliver("order.updated", refunded.copy().put("status", "cancelled"), String.valueOf(IDS.incrementAndGet()), null)
                .statusCode(200);
        assertThat(stored(id).iterator().next().getString("status")).isEqualTo("cancelled");
    }

    @Test
    void pendingOrdersWaitForPaymentAndAPayloadWithoutATotalIsRefused() {
        String id = String.valueOf(IDS.incrementAndGet());
        JsonObject order = order(id, "on-hold", "35.00", "030 99887766", Instant.now()).putNull("date_paid_gmt");
        deliver("order.created", order, null, null).statusCode(200).body("credit", equalTo("none"));
        assertThat(stored(id).iterator().next().getString("status")).isEqualTo("pending");
        deliver("order.updated", order.copy().put("status", "completed"), null, null).statusCode(200);
        assertThat(stored(id).iterator().next().getString("status")).isEqualTo("paid");

        String broken = String.valueOf(IDS.incrementAndGet());
        JsonObject noTotal = order(broken, "processing", "1.00", "030 99887766", Instant.now());
        noTotal.remove("total");
        deliver("order.created", noTotal, null, null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(stored(broken)).isEmpty();
        deliver("order.deleted", new JsonObject().put("id", Long.parseLong(id)), null, null).statusCode(200)
                .body("result", equalTo("ignored"));
    }

    /** An order as WooCommerce's REST API shapes it (dates in UTC without an offset, money as strings). */
    private static JsonObject order(String id, String status, String total, String nationalPhone, Instant created) {
        String gmt = created.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        return new JsonObject().put("id", Long.parseLong(id)).put("parent_id", 0).put("number", id)
                .put("status", status).put("currency", "EUR").put("total", total).put("customer_id", 0)
                .put("date_created_gmt", gmt).put("date_modified_gmt", gmt).put("date_paid_gmt", gmt)
                .put("billing", new JsonObject().put("first_name", "Ana").put("phone", nationalPhone).put("country", "DE"))
                .put("shipping", new JsonObject().put("phone", "").put("country", "DE"))
                .put("line_items", new JsonArray().add(new JsonObject().put("name", "Widget").put("quantity", 1)))
                .put("refunds", new JsonArray()).put("meta_data", new JsonArray());
    }

    private static ValidatableResponse deliver(String topic, JsonObject payload, String deliveryId, String forged) {
        byte[] body = payload.encode().getBytes(StandardCharsets.UTF_8);
        var request = given().contentType("application/json").header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", topic.split("\\.")[0]).header("X-WC-Webhook-Source", "https://shop.example.com/")
                .header("X-WC-Webhook-Signature", forged != null ? forged : new ShopSignature(ShopFixtures.secret("woocommerce")).sign(body));
        if (deliveryId != null) {
            request = request.header("X-WC-Webhook-Delivery-ID", deliveryId);
        }
        return request.body(body).post("/webhooks/woocommerce").then();
    }

    private RowSet<Row> stored(String externalId) {
        return pool.preparedQuery("SELECT * FROM orders WHERE source = 'woocommerce' AND external_id = $1")
                .execute(Tuple.of(externalId)).await().atMost(WAIT);
    }

    private static JsonObject lastForwarded(String externalId) {
        List<JsonObject> seen = FakeContactsService.ORDER_DEALS.stream()
                .filter(item -> "woocommerce".equals(item.getString("source"))
                        && externalId.equals(item.getString("externalId"))).toList();
        assertThat(seen).isNotEmpty();
        return seen.get(seen.size() - 1);
    }
}
