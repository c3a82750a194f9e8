package io.chatroi.campaigns.dispatch;

import io.chatroi.common.testing.SignedWebhooks;
import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(FakeGraphApi.class)
class DispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    private List<Row> sends(String campaignId) {
        return pool.preparedQuery("SELECT * FROM sends WHERE campaign_id = $1").execute(Tuple.of(UUID.fromString(campaignId)))
                .await().atMost(WAIT).stream().toList();
    }

    @Test
    void eachAllowedSendGoesOutOnceAndRulesAndProviderErrorsAreRecorded() {
        String template = CampaignFixtures.template("marketing");
        String id = CampaignFixtures.launch(CampaignFixtures.campaign(
                Map.of("segmentId", FakeContactsService.SEGMENT.toString()), 0, template));
        Map<UUID, Integer> indexBySend = sends(id).stream().collect(Collectors.toMap(r -> r.getUUID("id"),
                r -> FakeGraphApi.indexOf(r.getString("phone"))));

        int claimed = dispatcher.dispatch(5_000).await().atMost(WAIT);
        assertThat(claimed).isGreaterThanOrEqualTo(FakeContactsService.CONTACTS);
        dispatcher.dispatch(5_000).await().atMost(WAIT);
        // nothing is handed out twice, except a throughput-limited send whose 30 s backoff passed while the first
        // dispatch ran (on a slow machine): due again by design
        assertThat(sends(id)).filteredOn(r -> r.getInteger("attempts") > 1).as("nothing is due twice")
                .allSatisfy(r -> assertThat(r.getInteger("error_code")).isEqualTo(130429));

        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < FakeContactsService.CONTACTS; i++) {
            String verdict = FakeContactsService.eligibilityOf(i);
            String outcome = !verdict.equals("allowed") ? verdict
                    : i % 50 == 3 ? "failed" : i % 50 == 4 ? "retrying" : "sent";
            expected.merge(outcome, 1, Integer::sum);
        }
        Map<String, Object> view = given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("counters");
        assertThat(((Number) view.get("sent")).intValue()).isEqualTo(expected.get("sent"));
        assertThat(((Number) view.get("failed")).intValue()).isEqualTo(expected.get("failed"));
        assertThat(((Number) view.get("deferred")).intValue()).isEqualTo(expected.get("outside_window"));
        assertThat(((Number) view.get("queued")).intValue()).as("throughput-limited, retried later")
                .isEqualTo(expected.get("retrying"));
        assertThat((Map<String, Object>) view.get("skippedByReason")).containsEntry("opted_out",
                expected.get("opted_out"));
        assertThat((Map<String, Object>) view.get("failedByCode")).containsEntry("131026", expected.get("failed"));

        // every accepted message of this campaign went out exactly once, in the Graph API's template shape
        Map<String, Long> perSend = FakeGraphApi.ACCEPTED.stream()
                .filter(body -> indexBySend.containsKey(UUID.fromString(body.getString("biz_opaque_callback_data"))))
                .collect(Collectors.groupingBy(body -> body.getString("biz_opaque_callback_data"), Collectors.counting()));
        assertThat(perSend).hasSize(expected.get("sent"));
        assertThat(perSend.values()).containsOnly(1L);
        JsonObject sample = FakeGraphApi.ACCEPTED.stream()
                .filter(body -> indexBySend.containsKey(UUID.fromString(body.getString("biz_opaque_callback_data"))))
                .findFirst().orElseThrow();
        assertThat(sample.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(sample.getString("type")).isEqualTo("template");
        assertThat(sample.getJsonObject("template").getJsonObject("language").getString("code")).isEqualTo("en_US");
        assertThat(sample.getJsonObject("template").getJsonArray("components").getJsonObject(0)
                .getJsonArray("parameters").getJsonObject(1).getString("text")).isEqualTo("Sunday");

        // the sends are listed by status, and all of them page through the sync endpoint
        given().get("/api/v1/campaigns/" + id + "/sends?status=failed&limit=500").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(expected.get("failed")))
                .body("items[0].errorCode", org.hamcrest.Matchers.equalTo(131026));
        given().get("/api/v1/campaigns/" + id + "/sends?status=lost").then().statusCode(400);
        int synced = 0;
        String cursor = null;
        do {
            var page = given().get("/api/v1/sends?limit=500&updatedAfter=2020-01-01T00:00:00Z"
                    + (cursor == null ? "" : "&after=" + cursor)).then().statusCode(200).extract().jsonPath();
            synced += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(synced).isGreaterThanOrEqualTo(FakeContactsService.CONTACTS);

        // receipts for the sent messages move the counters
        Row sent = sends(id).stream().filter(r -> "sent".equals(r.getString("status"))).findFirst().orElseThrow();
        postStatus(sent.getString("provider_message_id"), "read", null);
        Map<String, Object> after = given().get("/api/v1/campaigns/" + id).then().extract().jsonPath().getMap("counters");
        assertThat(((Number) after.get("read")).intValue()).isEqualTo(1);
        assertThat(((Number) after.get("delivered")).intValue()).isEqualTo(1);

        // the list behind each count holds exactly the sends it counted, filtered and paged on the server
        String list = "/api/v1/campaigns/" + id + "/sends?limit=500&";
        assertThat(given().get(list + "stage=read").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(sent.getUUID("id").toString());
        assertThat(given().get(list + "stage=delivered").then().extract().jsonPath().getList("items")).hasSize(1);
        assertThat(given().get(list + "stage=failed&errorCode=131026").then().statusCode(200).extract().jsonPath()
                .getList("items.errorCode")).hasSize(expected.get("failed")).containsOnly(131026);
        assertThat(given().get(list + "stage=failed&errorCode=131000").then().extract().jsonPath().getList("items"))
                .isEmpty();
        int optedOut = 0;
        String next = null;
        do {
            var page = given().get("/api/v1/campaigns/" + id + "/sends?status=skipped&reason=opted_out&limit=7"
                    + (next == null ? "" : "&after=" + next)).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.reason")).containsOnly("opted_out");
            optedOut += page.getList("items").size();
            next = page.getString("nextCursor");
        } while (next != null);
        assertThat(optedOut).isEqualTo(expected.get("opted_out"));
        String csv = given().get(list + "stage=read&format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith(sent.getUUID("id") + ",").contains(sent.getString("phone"));
        String failedCsv = given().accept("text/csv").get(list + "stage=failed&errorCode=131026").then()
                .statusCode(200).extract().asString();
        assertThat(failedCsv.split("\r\n")).hasSize(expected.get("failed") + 1);
        given().get(list + "stage=lost&errorCode=abc").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("stage", "errorCode"));
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void aSendLeftMidCallIsReconciledFromItsReceiptOrFailedNeverResent() {
        String template = CampaignFixtures.template("utility");
        String id = CampaignFixtures.launch(CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, template));
        List<Row> rows = sends(id);
        UUID answered = rows.get(0).getUUID("id");
        UUID silent = rows.get(1).getUUID("id");
        UUID neverCalled = rows.get(2).getUUID("id");
        // a replica claimed all three, called the provider for two and died: the claims expired long ago
        pool.preparedQuery("UPDATE sends SET status = 'sending', claimed_until = now() - interval '1 hour',"
                + " attempts = 1, provider_call_at = CASE WHEN id = $2 THEN NULL ELSE now() - interval '1 hour' END"
                + " WHERE id = ANY($1)").execute(Tuple.of(new UUID[]{answered, silent, neverCalled}, neverCalled))
                .await().atMost(WAIT);
        postStatus("wamid.CRASHED-" + answered, "delivered", answered.toString());
        int acceptedBefore = FakeGraphApi.ACCEPTED.size();

        dispatcher.reconcile().await().atMost(WAIT);

        Row first = pool.preparedQuery("SELECT * FROM sends WHERE id = $1").execute(Tuple.of(answered))
                .await().atMost(WAIT).iterator().next();
        assertThat(first.getString("status")).isEqualTo("sent");
        assertThat(first.getString("provider_message_id")).isEqualTo("wamid.CRASHED-" + answered);
        Row second = pool.preparedQuery("SELECT * FROM sends WHERE id = $1").execute(Tuple.of(silent))
                .await().atMost(WAIT).iterator().next();
        assertThat(second.getString("status")).isEqualTo("failed");
        assertThat(second.getString("reason")).isEqualTo("unknown_outcome");
        assertThat(FakeGraphApi.ACCEPTED.size()).as("reconciling calls no provider").isEqualTo(acceptedBefore);
        Row third = pool.preparedQuery("SELECT * FROM sends WHERE id = $1").execute(Tuple.of(neverCalled))
                .await().atMost(WAIT).iterator().next();
        assertThat(third.getString("status")).as("never reached the provider: sent after the restart")
                .isEqualTo("queued");
        assertThat(third.getInteger("attempts")).isZero();
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void aCrashLeavesInDoubtOnlyTheCallsInFlightAndAStaleClaimNeverCallsTheProvider() {
        String template = CampaignFixtures.template("utility");
        String id = CampaignFixtures.launch(CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, template));
        List<Row> deliverable = sends(id).stream()
                .filter(r -> FakeGraphApi.indexOf(r.getString("phone")) % 50 > 4).limit(2).toList();
        UUID answered = deliverable.get(0).getUUID("id");
        UUID takenOver = deliverable.get(1).getUUID("id");
        Instant ours = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        // this dispatcher claimed both; the second's claim then expired and another replica claimed it anew
        pool.preparedQuery("UPDATE sends SET status = 'sending', attempts = 1, provider_call_at = NULL,"
                        + " claimed_until = CASE WHEN id = $2 THEN $3::timestamptz + interval '1 second' ELSE $3 END"
                        + " WHERE id = ANY($1)")
                .execute(Tuple.of(new UUID[]{answered, takenOver}, takenOver, ours.atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);

        Outcome stale = dispatcher.deliver(claimed(deliverable.get(1), ours)).await().atMost(WAIT);
        assertThat(stale).as("a claim that is no longer ours sends nothing").isNull();
        assertThat(callsFor(takenOver)).isZero();
        assertThat(row(takenOver).getValue("provider_call_at")).isNull();

        Outcome sent = dispatcher.deliver(claimed(deliverable.get(0), ours)).await().atMost(WAIT);
        assertThat(sent.status()).isEqualTo("sent");
        Row recorded = row(answered);
        assertThat(recorded.getString("status")).as("the tick's outcome write has not run").isEqualTo("sending");
        assertThat(recorded.getString("provider_message_id")).as("the provider's answer is recorded at once")
                .isEqualTo(sent.messageId());

        // the replica dies before its tick writes the outcomes; the claim expires and reconciliation runs
        pool.preparedQuery("UPDATE sends SET claimed_until = now() - interval '1 hour' WHERE id = $1")
                .execute(Tuple.of(answered)).await().atMost(WAIT);
        dispatcher.reconcile().await().atMost(WAIT);
        Row settled = row(answered);
        assertThat(settled.getString("status")).as("answered by the provider: sent, not in doubt").isEqualTo("sent");
        assertThat(settled.getString("provider_message_id")).isEqualTo(sent.messageId());
        assertThat(settled.getValue("sent_at")).isNotNull();
        assertThat(callsFor(answered)).as("went out once").isEqualTo(1);
        given().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
    }

    private static Dispatcher.Claimed claimed(Row send, Instant claimedUntil) {
        return new Dispatcher.Claimed(send.getUUID("id"), send.getUUID("contact_id"), send.getString("phone"),
                "order_update", "en_US", "utility", List.of(), List.of(), false, false, false, 1, claimedUntil,
                send.getString("whatsapp_user_id"));
    }

    private Row row(UUID send) {
        return pool.preparedQuery("SELECT * FROM sends WHERE id = $1").execute(Tuple.of(send))
                .await().atMost(WAIT).iterator().next();
    }

    private static long callsFor(UUID send) {
        return FakeGraphApi.ACCEPTED.stream()
                .filter(body -> send.toString().equals(body.getString("biz_opaque_callback_data"))).count();
    }

    private static void postStatus(String messageId, String status, String callbackData) {
        String extra = callbackData == null ? "" : ",\"biz_opaque_callback_data\":\"" + callbackData + "\"";
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + messageId
                + "\",\"status\":\"" + status + "\",\"timestamp\":\"1750030300\",\"recipient_id\":\"4930100\"" + extra
                + "}]}}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedWebhooks.postMeta(bytes).statusCode(200);
    }
}
