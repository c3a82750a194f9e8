package io.chatroi.campaigns.contacts;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * contacts-service merged a username-only contact into a phone contact (one person): the absorbed contact's sends
 * follow the survivor, except where the survivor already has a send in the same campaign.
 */
@QuarkusTest
class ContactMergeSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ContactMergeSync sync;

    @Inject
    Pool pool;

    private static String launch(String tag) {
        return CampaignFixtures.launch(CampaignFixtures.campaign(Map.of("filter", Map.of("tagsAll", List.of(tag))), 0,
                CampaignFixtures.template("marketing")));
    }

    private Map<UUID, Integer> sendsByContact(String campaignId) {
        Map<UUID, Integer> counts = new HashMap<>();
        pool.preparedQuery("SELECT contact_id FROM sends WHERE campaign_id = $1")
                .execute(Tuple.of(UUID.fromString(campaignId))).await().atMost(WAIT)
                .forEach(row -> counts.merge(row.getUUID("contact_id"), 1, Integer::sum));
        return counts;
    }

    @Test
    void theAbsorbedContactsSendsFollowTheSurvivorOnceAndForAll() {
        UUID phone = FakeContactsService.MERGE_PHONE_CONTACT;
        UUID username = FakeContactsService.MERGE_USERNAME_CONTACT;
        String both = launch(FakeContactsService.MERGE_PAIR_TAG);
        String usernameOnly = launch(FakeContactsService.MERGE_USERNAME_TAG);
        assertThat(sendsByContact(usernameOnly)).containsOnlyKeys(username);

        FakeContactsService.MERGES.add(new JsonObject().put("absorbedId", username.toString())
                .put("survivorId", phone.toString()).put("mergedAt", Instant.now().toString()));
        int moved = sync.syncOnce().await().atMost(WAIT);

        assertThat(moved).isPositive();
        assertThat(sendsByContact(usernameOnly)).containsOnlyKeys(phone);
        assertThat(sendsByContact(both)).as("one send per contact and campaign: the survivor's own stays")
                .containsEntry(phone, 1).containsEntry(username, 1);
        assertThat(sync.syncOnce().await().atMost(WAIT)).as("a second pass moves nothing").isZero();
    }
}
