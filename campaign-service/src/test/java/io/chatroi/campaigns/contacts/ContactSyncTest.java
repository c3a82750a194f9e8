package io.chatroi.campaigns.contacts;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class ContactSyncTest {

    @Inject
    ContactSync sync;

    private static void post(String value, String field) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":\""
                + field + "\",\"value\":{\"messaging_product\":\"whatsapp\"," + value + "}}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedWebhooks.postMeta(bytes).statusCode(200);
    }

    private static List<JsonObject> forwarded(String externalId) {
        return FakeContactsService.INTERACTIONS.stream()
                .filter(item -> externalId.equals(item.getString("externalId"))).toList();
    }

    @Test
    void inboundMessagesStopButtonsAndPreferencesReachContactsServiceOnce() {
        String text = "wamid." + UUID.randomUUID();
        String button = "wamid." + UUID.randomUUID();
        String ad = "wamid." + UUID.randomUUID();
        post("\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"5511987654321\"}],\"messages\":["
                + "{\"from\":\"5511987654321\",\"id\":\"" + text + "\",\"timestamp\":\"1750030300\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Quanto custa? how much\"}},"
                + "{\"from\":\"5511987654321\",\"id\":\"" + button + "\",\"timestamp\":\"1750030301\",\"type\":\"button\","
                + "\"button\":{\"payload\":\"STOP_PROMOTIONS\",\"text\":\"Stop promotions\"}},"
                + "{\"from\":\"5511912345678\",\"id\":\"" + ad + "\",\"timestamp\":\"1750030302\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Hi, I saw your ad\"},\"referral\":{\"source_url\":\"https://fb.me/x\","
                + "\"source_id\":\"ad1\",\"source_type\":\"ad\",\"headline\":\"LED\",\"ctwa_clid\":\"c1\"}}]", "messages");
        post("\"user_preferences\":[{\"wa_id\":\"5511900001111\",\"detail\":\"stop\",\"category\":"
                + "\"marketing_messages\",\"value\":\"resume\",\"timestamp\":" + (1731705721L + System.nanoTime() % 100000)
                + "}]", "user_preferences");

        int first = sync.syncOnce().await().atMost(Duration.ofSeconds(30));
        assertThat(first).isGreaterThanOrEqualTo(4);
        assertThat(sync.syncOnce().await().atMost(Duration.ofSeconds(30))).as("forwarded only once").isZero();

        JsonObject textItem = forwarded(text).get(0);
        assertThat(textItem.getString("phone")).isEqualTo("+5511987654321");
        assertThat(textItem.getString("name")).isEqualTo("Ana");
        assertThat(textItem.getString("direction")).isEqualTo("inbound");
        assertThat(textItem.getString("text")).isEqualTo("Quanto custa? how much");
        assertThat(textItem.getValue("optOut")).isNull();
        assertThat(forwarded(button).get(0).getBoolean("optOut")).isTrue();
        assertThat(forwarded(ad).get(0).getString("source")).isEqualTo("ads_ctwa");
        JsonObject resume = FakeContactsService.INTERACTIONS.stream()
                .filter(item -> "+5511900001111".equals(item.getString("phone"))).findFirst().orElseThrow();
        assertThat(resume.getBoolean("optOut")).isFalse();
        assertThat(resume.getString("messageType")).isEqualTo("user_preferences");
    }
}
