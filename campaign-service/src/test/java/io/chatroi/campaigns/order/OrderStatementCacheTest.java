package io.chatroi.campaigns.order;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order delivery is one statement of about 4,000 characters. It must stay prepared on its connection, or
 * PostgreSQL parses and plans it again for every order (bench/RESULTS.md, shop orders): the client's own cache
 * skips statements over 2,048 characters unless common's PreparedStatementCachePool raises that limit.
 */
@QuarkusTest
class OrderStatementCacheTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository orders;

    @Inject
    Clock clock;

    @Test
    void anOrderDeliveryIsPreparedOncePerConnectionAndReused() {
        String sql = OrderRepository.ingestStatement(false, false);
        assertThat(sql.length()).isGreaterThan(2048);
        String run = UUID.randomUUID().toString();
        Long executions = pool.withConnection(connection -> ingest(connection, run + "-1")
                        .chain(() -> ingest(connection, run + "-2"))
                        .chain(() -> connection.preparedQuery("SELECT generic_plans + custom_plans AS executions"
                                + " FROM pg_prepared_statements WHERE statement = $1").execute(Tuple.of(sql))))
                .map(rows -> rows.size() == 1 ? rows.iterator().next().getLong("executions") : null)
                .await().atMost(Duration.ofSeconds(10));
        // the same prepared statement ran both deliveries (and any earlier ones on this connection)
        assertThat(executions).isNotNull().isGreaterThanOrEqualTo(2L);
    }

    private Uni<Void> ingest(SqlConnection connection, String externalId) {
        ShopOrder order = new ShopOrder("statement-cache-test", externalId, ShopOrder.OrderStatus.PAID,
                new BigDecimal("10.00"), "EUR", null, "DE", List.of(), null, null, clock.instant(), clock.instant(),
                null, List.of(), null);
        return orders.ingest(connection, "delivery-" + externalId, "orders/paid", order,
                new OrderRepository.Landing(null, null, List.of()), clock.instant()).replaceWithVoid();
    }
}
