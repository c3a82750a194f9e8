package io.chatroi.campaigns.order;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An order delivery is stored in one statement (delivery id, refunds, credit, order): these check that it keeps what
 * the transaction kept when several deliveries race, and that refunds listed in an order count once with those that
 * came on their own before it.
 */
@QuarkusTest
class ShopifyDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10 + 5_000_000);

    @Inject
    Pool pool;

    @Test
    void theSameDeliveryRacingItselfIsStoredOnceAndOtherDeliveriesOfTheOrderAllCount() throws Exception {
        String id = String.valueOf(IDS.incrementAndGet());
        JsonObject pending = ShopFixtures.order(id, "42.00", "pending", "030 55501234", null, Instant.now());
        String webhookId = UUID.randomUUID().toString();
        List<Boolean> duplicates = inParallel(8, i -> ShopFixtures.deliver("orders/create", pending, webhookId, null)
                .statusCode(200).extract().<Boolean>path("duplicate"));
        assertThat(duplicates).containsOnlyOnce(false);
        assertThat(row(id).getInteger("version")).isEqualTo(1);
        assertThat(deliveries(webhookId)).isEqualTo(1);

        // eight different deliveries of the same order at once: one order, every one of them folded in
        JsonObject paid = pending.copy().put("financial_status", "paid");
        List<String> results = inParallel(8, i -> ShopFixtures.deliver(i % 2 == 0 ? "orders/paid" : "orders/create",
                i % 2 == 0 ? paid : pending).statusCode(200).body("duplicate", equalTo(false))
                .extract().<String>path("result"));
        assertThat(results).containsOnly("updated");
        Row order = row(id);
        assertThat(order.getInteger("version")).isEqualTo(9);
        assertThat(order.getString("status")).isEqualTo("paid");
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void refundsListedInTheOrderCountOnceWithThoseThatCameBeforeIt() {
        String id = String.valueOf(IDS.incrementAndGet());
        String early = String.valueOf(IDS.incrementAndGet());
        String later = String.valueOf(IDS.incrementAndGet());
        ShopFixtures.deliver("refunds/create", ShopFixtures.refund(early, id, "20.00")).statusCode(200)
                .body("result", equalTo("refund kept until its order arrives"));

        // the order lists the early refund again and a later one: 20 + 5, not 20 + 20 + 5
        JsonObject order = ShopFixtures.order(id, "100.00", "partially_refunded", "030 55505678", null, Instant.now())
                .put("refunds", new JsonArray().add(ShopFixtures.refund(early, id, "20.00"))
                        .add(ShopFixtures.refund(later, id, "5.00")));
        ShopFixtures.deliver("orders/paid", order).statusCode(200).body("result", equalTo("created"));
        assertThat(row(id).getBigDecimal("refunded")).isEqualByComparingTo(new BigDecimal("25.00"));

        // delivered again under another webhook id, and the later refund on its own: still 25
        ShopFixtures.deliver("orders/paid", order).statusCode(200).body("result", equalTo("updated"));
        ShopFixtures.deliver("refunds/create", ShopFixtures.refund(later, id, "5.00")).statusCode(200);
        assertThat(row(id).getBigDecimal("refunded")).isEqualByComparingTo(new BigDecimal("25.00"));

        // a refund of the whole rest caps the refunded total at the amount
        ShopFixtures.deliver("refunds/create", ShopFixtures.refund(String.valueOf(IDS.incrementAndGet()), id,
                "90.00")).statusCode(200).body("result", equalTo("refunded"));
        assertThat(row(id).getBigDecimal("refunded")).isEqualByComparingTo(new BigDecimal("100.00"));
    }

    private interface Delivery<T> {
        T send(int index);
    }

    private static <T> List<T> inParallel(int n, Delivery<T> delivery) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(CompletableFuture.supplyAsync(() -> delivery.send(index), threads));
            }
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> call : calls) {
                results.add(call.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private Row row(String externalId) {
        return pool.preparedQuery("SELECT status, version, refunded FROM orders WHERE source = 'shopify'"
                + " AND external_id = $1").execute(Tuple.of(externalId)).await().atMost(WAIT).iterator().next();
    }

    private long count(String externalId) {
        return pool.preparedQuery("SELECT count(*) FROM orders WHERE source = 'shopify' AND external_id = $1")
                .execute(Tuple.of(externalId)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long deliveries(String webhookId) {
        return pool.preparedQuery("SELECT count(*) FROM shop_deliveries WHERE source = 'shopify' AND delivery_id = $1")
                .execute(Tuple.of(webhookId)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
