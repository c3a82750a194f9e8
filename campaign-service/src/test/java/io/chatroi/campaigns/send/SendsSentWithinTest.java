package io.chatroi.campaigns.send;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.chatroi.common.sql.SqlTimes.time;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;

/**
 * The sends of every campaign that went out within [sentFrom, sentTo), optionally at a stage: what a dashboard count
 * of sent or delivered messages opens. The sends are placed in a window of their own, years before any other test's.
 */
@QuarkusTest
class SendsSentWithinTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void listsTheSendsThatWentOutWithinTheHalfOpenRangeAtTheStageAsPagesAndCsv() {
        String template = CampaignFixtures.template("marketing");
        String id = CampaignFixtures.post("/api/v1/campaigns", CampaignFixtures.campaign(
                Map.of("filter", Map.of("tagsAll", List.of("vip"))), 0, template)).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        CampaignFixtures.awaitResolved(id);
        List<UUID> sends = pool.preparedQuery("SELECT id FROM sends WHERE campaign_id = $1 ORDER BY id")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).stream().map(r -> r.getUUID("id"))
                .toList();
        assertThat(sends).hasSizeGreaterThanOrEqualTo(5);
        // a window of its own: some minute between 1990 and 2010
        Instant from = Instant.parse("1990-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(10_000_000), ChronoUnit.MINUTES);
        Instant to = from.plus(Duration.ofHours(3));
        sentAt(sends.get(0), from.minusSeconds(1), null);            // just before: out
        sentAt(sends.get(1), from, null);                            // the first instant: in
        sentAt(sends.get(2), from.plus(Duration.ofHours(1)), from.plus(Duration.ofHours(1)).plusSeconds(5));
        sentAt(sends.get(3), to.minusSeconds(1), to.plusSeconds(30)); // delivered after the range: still in
        sentAt(sends.get(4), to, to.plusSeconds(5));                  // the end is exclusive: out

        List<String> inRange = List.of(sends.get(1).toString(), sends.get(2).toString(), sends.get(3).toString());
        assertThat(allPages(Map.of("sentFrom", from.toString(), "sentTo", to.toString())))
                .containsExactlyInAnyOrderElementsOf(inRange);
        assertThat(allPages(Map.of("sentFrom", from.toString(), "sentTo", to.toString(), "stage", "delivered")))
                .containsExactlyInAnyOrder(sends.get(2).toString(), sends.get(3).toString());

        String csv = given().queryParam("sentFrom", from.toString()).queryParam("sentTo", to.toString())
                .queryParam("stage", "delivered").queryParam("format", "csv").get("/api/v1/sends")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(SendCsv.HEADER);
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))))
                .containsExactlyInAnyOrder(sends.get(2).toString(), sends.get(3).toString());
    }

    @Test
    void repliedWithinDaysListsTheRepliesTheReportsCountWithinTheirWindowAsPagesAndCsv() {
        String template = CampaignFixtures.template("marketing");
        String id = CampaignFixtures.post("/api/v1/campaigns", CampaignFixtures.campaign(
                Map.of("filter", Map.of("tagsAll", List.of("vip"))), 0, template)).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        CampaignFixtures.awaitResolved(id);
        List<UUID> sends = pool.preparedQuery("SELECT id FROM sends WHERE campaign_id = $1 ORDER BY id")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).stream().map(r -> r.getUUID("id"))
                .toList();
        assertThat(sends).hasSizeGreaterThanOrEqualTo(5);
        Instant from = Instant.parse("1990-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(10_000_000), ChronoUnit.MINUTES);
        Instant to = from.plus(Duration.ofHours(3));
        Instant sent = from.plus(Duration.ofHours(1));
        for (UUID send : sends.subList(0, 5)) {
            sentAt(send, sent, null);
        }
        repliedAt(sends.get(0), sent.plus(Duration.ofMinutes(5)));            // at once: in
        repliedAt(sends.get(1), sent.plus(Duration.ofDays(7)));               // the window's last instant: in
        repliedAt(sends.get(2), sent.plus(Duration.ofDays(7)).plusSeconds(1)); // after the window: out
        // sends.get(3) never replied: out; sends.get(4) replied, but went out before the range: out
        sentAt(sends.get(4), from.minusSeconds(1), null);
        repliedAt(sends.get(4), from);

        Map<String, String> window = Map.of("sentFrom", from.toString(), "sentTo", to.toString(),
                "stage", "replied", "repliedWithinDays", "7");
        assertThat(allPages(window)).containsExactlyInAnyOrder(sends.get(0).toString(), sends.get(1).toString());
        // without the window every reply counts; the window alone implies a reply
        assertThat(allPages(Map.of("sentFrom", from.toString(), "sentTo", to.toString(), "stage", "replied")))
                .containsExactlyInAnyOrder(sends.get(0).toString(), sends.get(1).toString(), sends.get(2).toString());
        assertThat(allPages(Map.of("sentFrom", from.toString(), "sentTo", to.toString(), "repliedWithinDays", "8")))
                .containsExactlyInAnyOrder(sends.get(0).toString(), sends.get(1).toString(), sends.get(2).toString());
        String csv = given().queryParams(window).queryParam("format", "csv").get("/api/v1/sends")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))))
                .containsExactlyInAnyOrder(sends.get(0).toString(), sends.get(1).toString());
    }

    @Test
    void aBadReplyWindowIsAFieldErrorBesideTheOthers() {
        for (String bad : List.of("0", "3651", "seven", "1.5")) {
            given().queryParam("repliedWithinDays", bad).queryParam("stage", "bounced").get("/api/v1/sends")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("repliedWithinDays", "stage"));
        }
    }

    @Test
    void everyBadParameterIsAFieldErrorOfOne400AndACsvNeedsBothBounds() {
        given().queryParam("sentFrom", "yesterday").queryParam("sentTo", "2026-11-02T00:00:00Z")
                .queryParam("stage", "bounced").queryParam("updatedAfter", "today").queryParam("limit", 0)
                .get("/api/v1/sends").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chatroi.io/problems/validation"))
                .body("errors.field", containsInAnyOrder("updatedAfter", "sentFrom", "stage", "limit"));
        given().queryParam("sentFrom", "2026-11-02T00:00:00Z").queryParam("sentTo", "2026-11-02T00:00:00Z")
                .get("/api/v1/sends").then().statusCode(400).body("errors[0].field", equalTo("sentTo"));
        given().queryParam("sentFrom", "2026-11-02T00:00:00Z").queryParam("format", "csv")
                .get("/api/v1/sends").then().statusCode(400).body("errors[0].field", equalTo("sentTo"));
    }

    private void sentAt(UUID send, Instant sentAt, Instant deliveredAt) {
        String message = "wamid.range-" + send;
        pool.preparedQuery("""
                        UPDATE sends SET status = 'sent', sent_at = $2, provider_message_id = $3, next_attempt_at = NULL
                        WHERE id = $1""")
                .execute(Tuple.of(send, time(sentAt), message)).await().atMost(WAIT);
        if (deliveredAt != null) {
            pool.preparedQuery("""
                            INSERT INTO message_states (message_id, status, sent_at, delivered_at, updated_at)
                            VALUES ($1, 'delivered', $2, $3, $3)""")
                    .execute(Tuple.of(message, time(sentAt), time(deliveredAt))).await().atMost(WAIT);
        }
    }

    private void repliedAt(UUID send, Instant at) {
        pool.preparedQuery("UPDATE sends SET replied_at = $2 WHERE id = $1").execute(Tuple.of(send, time(at)))
                .await().atMost(WAIT);
    }

    /** Every send id of the list, read two at a time to cross pages. */
    private static List<String> allPages(Map<String, String> filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParams(filter).queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("after", cursor)).get("/api/v1/sends")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
