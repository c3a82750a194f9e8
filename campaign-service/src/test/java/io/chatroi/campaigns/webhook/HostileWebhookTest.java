package io.chatroi.campaigns.webhook;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.common.testing.HostileBodies;
import io.chatroi.common.testing.SkipContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed deliveries whose status or message carries hostile values (arbitrary Unicode, control characters, huge
 * numbers, deep JSON, wrong types): every one is answered 200 and stored, because a 5xx would make Meta retry the
 * same poisoned delivery for days; what the parser could not use is quarantined, not lost.
 */
@QuarkusTest
@SkipContractValidation("webhook bodies are Meta's format, not ours; the test checks every answer itself")
class HostileWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void everySignedHostileDeliveryIsStoredAndAnswered200() {
        String status = "{\"id\":\"wamid.hostile\",\"status\":\"delivered\",\"timestamp\":\"1750030200\","
                + "\"recipient_id\":\"4930100\",\"conversation\":{\"id\":\"c1\"},\"pricing\":{\"billable\":true}}";
        String message = "{\"from\":\"4930100\",\"id\":\"wamid.in.hostile\",\"timestamp\":\"1750030200\","
                + "\"type\":\"text\",\"text\":{\"body\":\"hello\"}}";
        List<String> statuses = HostileBodies.variants(status,
                List.of("id", "status", "timestamp", "recipient_id", "conversation", "pricing", "errors"), 120, 9);
        List<String> messages = HostileBodies.variants(message,
                List.of("from", "id", "timestamp", "type", "text", "context", "referral", "reaction"), 120, 10);
        long before = deliveries();
        for (int i = 0; i < statuses.size(); i++) {
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                    + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[" + statuses.get(i)
                    + "],\"messages\":[" + messages.get(i) + "]}}]}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int answer = SignedWebhooks.postMeta(bytes).extract().statusCode();
            assertThat(answer).as(body).isEqualTo(200);
        }
        assertThat(deliveries() - before).as("every acknowledged delivery is stored").isEqualTo(statuses.size());
    }

    private long deliveries() {
        return pool.query("SELECT count(*) FROM webhook_deliveries").execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
    }
}
