package io.chatroi.metrics.api;

import io.chatroi.metrics.report.RangeRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention at a past range's end comes from the row the recompute keeps per day (snap_retention). It must equal
 * the count from the facts at that instant for several day ends, all owners and one owner's, also after a
 * recompute of one day in the middle (its facts change every later day's row) and after activityDays changes.
 * Facts in 2017 only (no other test uses it): contacts of two owners and none, deals won on different days,
 * inbound messages, conversations of three turns, sends read and unread.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class RetentionSnapshotApiTest {

    private static final String ANA = "Retention Ana";
    private static final String BO = "Retention Bo";
    private static final String[] ENDS = {"2017-01-20", "2017-02-09", "2017-02-10", "2017-02-28", "2017-03-15",
            "2017-04-30"};

    @Inject
    RangeRepository ranges;

    @Inject
    Pool pool;

    @Test
    void retentionAtADaysEndEqualsTheCountFromTheFacts() {
        Random random = new Random(2017);
        String campaign = Facts.campaign("Retention", ANA, "reply", 3);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String owner = i % 3 == 2 ? null : i % 2 == 0 ? ANA : BO;
            String id = Facts.putContact(Facts.contact(owner, Instant.parse("2016-12-01T09:00:00Z")));
            contacts.add(id);
            Instant start = Instant.parse("2017-01-03T10:00:00Z").plus(5L * i, ChronoUnit.DAYS);
            if (i % 4 != 3) {
                Facts.wonDeal(id, owner, start.minus(2, ChronoUnit.DAYS), start, 100, null);
            } else {
                for (int t = 0; t < 3; t++) {
                    Facts.interaction(id, "inbound", start.plus(t, ChronoUnit.HOURS));
                    Facts.interaction(id, "outbound", start.plus(t * 60 + 30, ChronoUnit.MINUTES));
                }
            }
            if (i % 2 == 1) {
                Facts.interaction(id, "inbound", start.plus(random.nextInt(20), ChronoUnit.DAYS));
            }
            for (int s = 0; s < 2 + random.nextInt(2); s++) {
                Instant sent = start.plus(10 + random.nextInt(60), ChronoUnit.DAYS);
                JsonObject send = Facts.send(campaign, "A", id, "+491511234" + (7000 + i), sent, null, null);
                if (random.nextInt(3) == 0) {
                    send.put("delivery", "read").put("readAt", sent.plus(3, ChronoUnit.DAYS).toString());
                }
                Facts.putSend(send);
            }
        }
        Facts.recomputeOk("2017-01-01", "2017-04-30");
        assertSnapshotEqualsFacts(90, true);

        // 2017-02-10: a new customer, an inbound message that makes another active, a send that churns nobody
        String late = contacts.get(3);
        Instant middle = Instant.parse("2017-02-10T12:00:00Z");
        Facts.wonDeal(contacts.get(7), BO, middle.minus(1, ChronoUnit.DAYS), middle, 50, null);
        Facts.interaction(contacts.get(0), "inbound", middle);
        Facts.putSend(Facts.send(campaign, "A", late, "+4915112347003", middle, null, null));
        Facts.recomputeOk("2017-02-10", "2017-02-10");
        assertSnapshotEqualsFacts(90, true);

        Map<String, Object> before = given().get("/api/v1/settings").then().statusCode(200).extract().jsonPath()
                .getMap("");
        try {
            given().contentType(ContentType.JSON).body(Map.of("activityDays", 14)).put("/api/v1/settings").then()
                    .statusCode(200);
            assertSnapshotEqualsFacts(14, false);
            Facts.recomputeOk("2017-01-01", "2017-04-30");
            assertSnapshotEqualsFacts(14, true);
        } finally {
            given().contentType(ContentType.JSON).body(Map.of("activityDays", before.get("activityDays")))
                    .put("/api/v1/settings").then().statusCode(200);
        }
    }

    private void assertSnapshotEqualsFacts(int activityDays, boolean rowsKept) {
        ZoneId zone = ZoneId.of(given().get("/api/v1/settings").then().statusCode(200).extract().path("timeZone"));
        boolean anaChurned = false;
        for (String d : ENDS) {
            LocalDate day = LocalDate.parse(d);
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            for (String owner : new String[]{null, ANA, BO, "Retention nobody"}) {
                RangeRepository.Retention kept = ranges.retentionAtDayEnd(owner, day, end, activityDays).await()
                        .indefinitely();
                RangeRepository.Retention counted = ranges.retention(owner, end, day,
                        end.minus(activityDays, ChronoUnit.DAYS)).await().indefinitely();
                assertThat(kept).as(d + " owner=" + owner + " activityDays=" + activityDays).isEqualTo(counted);
                anaChurned |= ANA.equals(owner) && counted.churned() > 0;
            }
            long rows = keptRows(day, end, activityDays);
            // all owners, Ana and Bo (owners of other tests' contacts may add theirs)
            assertThat(rows).as("rows kept for " + d + " activityDays=" + activityDays)
                    .isBetween(rowsKept ? 3L : 0L, rowsKept ? Long.MAX_VALUE : 0L);
        }
        assertThat(anaChurned).as("some day end has churned contacts of " + ANA).isTrue();
    }

    /** Rows the recompute kept for the day end and window (none right after a settings change: then counted). */
    private long keptRows(LocalDate day, Instant end, int activityDays) {
        return pool.preparedQuery("SELECT count(*) AS n FROM snap_retention WHERE day = $1 AND end_at = $2"
                        + " AND activity_days = $3")
                .execute(Tuple.of(day, end.atOffset(ZoneOffset.UTC), activityDays)).await().indefinitely()
                .iterator().next().getLong("n");
    }
}
