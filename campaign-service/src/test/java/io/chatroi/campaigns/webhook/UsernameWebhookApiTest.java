package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.contacts.ContactSync;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A username-only WhatsApp user's message is stored by its BSUID and reaches contacts-service keyed by it. */
@QuarkusTest
class UsernameWebhookApiTest {

    @Inject
    ContactSync sync;

    @Test
    void aMessageWithoutPhoneIsStoredAndForwardedByItsBsuid() {
        String id = MetaWebhook.wamid();
        String body = MetaUsernamePayloads.usernameText(id, Instant.now().getEpochSecond());
        MetaWebhook.postRaw(body).statusCode(200);
        MetaWebhook.postRaw(body).statusCode(200); // Meta retries: harmless

        // other tests leave rows in the outbox too: forward until it is empty
        for (int batch = 0; batch < 100 && sync.syncOnce().await().atMost(Duration.ofSeconds(30)) > 0; batch++) {
            assertThat(batch).isLessThan(99);
        }

        List<JsonObject> forwarded = FakeContactsService.INTERACTIONS.stream()
                .filter(item -> id.equals(item.getString("externalId"))).toList();
        assertThat(forwarded).as("forwarded once, not refused for want of a phone").hasSize(1);
        JsonObject item = forwarded.get(0);
        assertThat(item.getValue("phone")).isNull();
        assertThat(item.getString("whatsappUserId")).isEqualTo("US.13491208655302741918");
        assertThat(item.getString("username")).isEqualTo("@realsheenanelson");
        assertThat(item.getString("name")).isEqualTo("Sheena Nelson");
        assertThat(item.getString("text")).isEqualTo("Does it come in another color?");
        assertThat(item.getString("direction")).isEqualTo("inbound");
    }

    @Test
    void aMarketingOptOutWithoutPhoneReachesContactsServiceByItsBsuid() {
        String userId = "US.77" + Math.abs(System.nanoTime());
        String body = MetaUsernamePayloads.preference(userId, "stop", Instant.now().getEpochSecond());
        MetaWebhook.postRaw(body).statusCode(200);
        MetaWebhook.postRaw(body).statusCode(200); // Meta retries: stored once

        for (int batch = 0; batch < 100 && sync.syncOnce().await().atMost(Duration.ofSeconds(30)) > 0; batch++) {
            assertThat(batch).isLessThan(99);
        }

        List<JsonObject> forwarded = FakeContactsService.INTERACTIONS.stream()
                .filter(item -> userId.equals(item.getString("whatsappUserId"))).toList();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).getValue("phone")).isNull();
        assertThat(forwarded.get(0).getBoolean("optOut")).isTrue();
        assertThat(forwarded.get(0).getString("messageType")).isEqualTo("user_preferences");
    }
}
