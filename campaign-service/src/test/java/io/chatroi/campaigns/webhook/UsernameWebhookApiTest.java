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

    @Test
    void identityNoticesReachContactsServiceAsChangesAndCountForNothing() {
        long n = Math.abs(System.nanoTime() % 1_000_000_000L);
        String previousUserId = "US.81" + n;
        String userId = "US.82" + n;
        String bsuidNotice = MetaWebhook.wamid();
        String numberNotice = MetaWebhook.wamid();
        String oldPhone = "4930" + (10_000_000 + n % 80_000_000);
        String newPhone = "4930" + (90_000_000 + n % 9_000_000);
        long now = Instant.now().getEpochSecond();
        String bsuidBody = MetaUsernamePayloads.userChangedUserId(bsuidNotice, now, previousUserId, userId);
        MetaWebhook.postRaw(bsuidBody).statusCode(200);
        MetaWebhook.postRaw(bsuidBody).statusCode(200); // a retry stores nothing twice
        MetaWebhook.postRaw(MetaUsernamePayloads.userChangedNumber(numberNotice, now + 1, oldPhone, newPhone,
                userId, "US.83" + n)).statusCode(200);

        for (int batch = 0; batch < 100 && sync.syncOnce().await().atMost(Duration.ofSeconds(30)) > 0; batch++) {
            assertThat(batch).isLessThan(99);
        }

        List<JsonObject> bsuidChanges = FakeContactsService.IDENTITY_CHANGES.stream()
                .filter(item -> userId.equals(item.getString("whatsappUserId"))).toList();
        assertThat(bsuidChanges).as("forwarded once").hasSize(1);
        assertThat(bsuidChanges.get(0).getString("previousWhatsappUserId")).isEqualTo(previousUserId);
        assertThat(bsuidChanges.get(0).getValue("phone")).isNull();
        assertThat(bsuidChanges.get(0).getValue("previousPhone")).isNull();

        List<JsonObject> numberChanges = FakeContactsService.IDENTITY_CHANGES.stream()
                .filter(item -> ("US.83" + n).equals(item.getString("whatsappUserId"))).toList();
        assertThat(numberChanges).hasSize(1);
        assertThat(numberChanges.get(0).getString("previousPhone")).isEqualTo("+" + oldPhone);
        assertThat(numberChanges.get(0).getString("phone")).isEqualTo("+" + newPhone);
        assertThat(numberChanges.get(0).getString("previousWhatsappUserId")).isEqualTo(userId);

        // a notice is no message from the contact: never forwarded as an interaction
        assertThat(FakeContactsService.INTERACTIONS.stream().map(item -> item.getString("externalId")))
                .doesNotContain(bsuidNotice, numberNotice);
    }
}
