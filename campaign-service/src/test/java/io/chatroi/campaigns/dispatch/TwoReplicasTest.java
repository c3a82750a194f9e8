package io.chatroi.campaigns.dispatch;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.CampaignRepository;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.observability.CampaignMetrics;
import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.link.LinkCodes;
import io.chatroi.campaigns.provider.MessageProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dispatchers, each with its own connection pool as two replicas of campaign-service would have, drain one
 * campaign's queue at the same time: every message goes to the provider exactly once.
 */
@QuarkusTest
class TwoReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher first;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    CampaignRepository campaigns;

    @Inject
    ContactsClient contacts;

    @Inject
    MessageProvider provider;

    @Inject
    LinkCodes links;

    @Inject
    CampaignMetrics metrics;

    @Test
    void twoDispatchersOnOneDatabaseSendEveryQueuedMessageExactlyOnce() throws Exception {
        Pool otherPool = secondReplicaPool(8);
        Dispatcher second = new Dispatcher(otherPool, campaigns, contacts, provider, links, new SendBudget(otherPool, 80), 80, Duration.ofSeconds(1), 16,
                Duration.ofSeconds(60), Duration.ofMinutes(10), metrics, Clock.systemUTC());
        try {
            String template = CampaignFixtures.template("utility");
            String id = CampaignFixtures.launch(CampaignFixtures.campaign(
                    Map.of("segmentId", FakeContactsService.SEGMENT.toString()), 0, template));
            Set<String> sendIds = pool.preparedQuery("SELECT id::text AS id FROM sends WHERE campaign_id = $1")
                    .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).stream()
                    .map(row -> row.getString("id")).collect(Collectors.toCollection(HashSet::new));

            AtomicInteger claimedByFirst = new AtomicInteger();
            AtomicInteger claimedBySecond = new AtomicInteger();
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first, claimedByFirst));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second, claimedBySecond));
            CompletableFuture.allOf(a, b).get(120, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(claimedByFirst.get()).as("the first replica did part of the work").isPositive();
            assertThat(claimedBySecond.get()).as("the second replica did part of the work").isPositive();
            Map<String, Long> callsPerSend = FakeGraphApi.ACCEPTED.stream()
                    .map(body -> body.getString("biz_opaque_callback_data")).filter(sendIds::contains)
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            long sent = pool.preparedQuery("SELECT count(*) AS n FROM sends WHERE campaign_id = $1 AND status = 'sent'")
                    .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next().getLong("n");
            assertThat(sent).isGreaterThan(500);
            assertThat(callsPerSend).hasSize((int) sent);
            assertThat(callsPerSend.values()).as("no message went out twice").containsOnly(1L);
            given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
        } finally {
            otherPool.close().await().atMost(WAIT);
        }
    }

    @Test
    void theRatePerSecondIsOneBudgetSharedByAllReplicas() {
        Pool otherPool = secondReplicaPool(2);
        try {
            SendBudget mine = new SendBudget(pool, 80);
            SendBudget theirs = new SendBudget(otherPool, 80);
            java.time.Instant second = java.time.Instant.parse("2030-01-01T00:00:00.100Z");
            assertThat(mine.take(60, second).await().atMost(WAIT)).isEqualTo(60);
            assertThat(theirs.take(60, second.plusMillis(500)).await().atMost(WAIT)).as("what is left of the second")
                    .isEqualTo(20);
            assertThat(mine.take(10, second.plusMillis(800)).await().atMost(WAIT)).isZero();
            assertThat(theirs.take(50, second.plusSeconds(1)).await().atMost(WAIT)).as("a new second, a new budget")
                    .isEqualTo(50);
        } finally {
            otherPool.close().await().atMost(WAIT);
        }
    }

    /** A connection pool of its own, as a second replica of campaign-service would open, on the same database. */
    private Pool secondReplicaPool(int size) {
        Config config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url",
                        String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        return PgPool.pool(vertx, options, new PoolOptions().setMaxSize(size));
    }

    /** Dispatches small batches until two rounds in a row find nothing due. */
    private static void drain(Dispatcher dispatcher, AtomicInteger claimed) {
        int idle = 0;
        while (idle < 2) {
            int n = dispatcher.dispatch(50).await().atMost(WAIT);
            claimed.addAndGet(n);
            idle = n == 0 ? idle + 1 : 0;
        }
    }
}
