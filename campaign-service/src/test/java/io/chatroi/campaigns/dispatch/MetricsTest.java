package io.chatroi.campaigns.dispatch;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.observability.QueueGauges;
import io.chatroi.common.testing.Scrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What a platform team scrapes from campaign-service after a launch, a dispatch and webhook deliveries. */
@QuarkusTest
@QuarkusTestResource(FakeGraphApi.class)
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    QueueGauges gauges;

    @Inject
    Pool pool;

    @Test
    void dispatchAndWebhookMetricsMoveWithRealTraffic() throws Exception {
        Scrape before = Scrape.fetch();
        String template = CampaignFixtures.template("marketing");
        String id = CampaignFixtures.launchAndDispatch(dispatcher, CampaignFixtures.campaign(
                Map.of("segmentId", FakeContactsService.SEGMENT.toString()), 0, template));
        String messageId = pool.preparedQuery("SELECT provider_message_id FROM sends WHERE campaign_id = $1"
                        + " AND status = 'sent' LIMIT 1").execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT)
                .iterator().next().getString("provider_message_id");
        signed("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + messageId
                + "\",\"status\":\"read\",\"timestamp\":\"1750030300\",\"recipient_id\":\"4930100\"}]}}]}]}");
        // two statuses the database cannot hold (a NUL in the id): stored raw, both quarantined and counted
        String poisoned = "{\"id\":\"wamid." + UUID.randomUUID() + "\\u0000\",\"status\":\"sent\","
                + "\"timestamp\":\"1750030300\"}";
        signed("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[" + poisoned + ","
                + poisoned.replace("wamid.", "wamid.x") + "]}}]}]}");
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=00").body("{}")
                .post("/webhooks/whatsapp").then().statusCode(401);
        gauges.refresh().await().atMost(WAIT);

        Scrape after = Scrape.fetch();
        assertThat(moved(before, after, "chatroi_dispatch_attempts_total", "result", "sent", "error_class", "none"))
                .isGreaterThanOrEqualTo(1);
        // the stand-in refuses some numbers with 131026 (undeliverable): a recipient-class failure
        assertThat(moved(before, after, "chatroi_dispatch_attempts_total", "result", "failed",
                "error_class", "recipient")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_dispatch_attempts_total", "result", "deferred"))
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_dispatch_provider_seconds_count", "outcome", "ok"))
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_http_client_requests_seconds_count", "upstream", "contacts-service",
                "operation", "audience", "outcome", "2xx")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("chatroi_dispatch_queue_depth", "state", "deferred")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("chatroi_dispatch_outbox_backlog", "kind", "sends")).as("contact sync is off in tests")
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_webhook_deliveries_total", "outcome", "stored")).isEqualTo(2);
        assertThat(moved(before, after, "chatroi_webhook_deliveries_total", "outcome", "bad_signature")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_webhook_signature_failures_total")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_webhook_statuses_total", "status", "read")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_webhook_quarantined_total")).as("one per quarantined item")
                .isEqualTo(2);
        assertThat(moved(before, after, "chatroi_webhook_processing_seconds_count", "outcome", "stored")).isEqualTo(2);
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/webhooks/whatsapp", "status", "401"))
                .isGreaterThanOrEqualTo(1);
        after.assertNoIdInAnyLabel();
        after.assertExposesEveryListedMetricOf("campaign-service");
    }

    private static void signed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedWebhooks.postMeta(bytes).statusCode(200);
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
