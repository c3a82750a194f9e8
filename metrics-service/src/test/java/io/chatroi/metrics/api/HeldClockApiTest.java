package io.chatroi.metrics.api;

import io.chatroi.common.testing.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recompute runs and sync cursors are stamped with the service's injected clock, not the database's: with the clock
 * held at an instant years before the machine's, a run's requested, started and finished times and the syncedAt of
 * every stream its sync pulled are exactly that instant; a new message rate marks its days dirty up to the clock's
 * today, not the database's.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class HeldClockApiTest {

    private static final Instant HELD = Instant.parse("2021-03-04T05:06:07Z");

    @Inject
    Pool pool;

    @Test
    void recomputeRunsAndSyncCursorsCarryTheClocksInstant() {
        QuarkusMock.installMockForType(new MutableClock(HELD), Clock.class);
        Facts.putContact(Facts.contact("Held Clock", HELD.minusSeconds(3_600)));

        Map<String, Object> run = Facts.recomputeOk("2021-03-04", "2021-03-04");

        assertThat(List.of(run.get("requestedAt"), run.get("startedAt"), run.get("finishedAt")))
                .as("run " + run).allSatisfy(at -> assertThat(Instant.parse((String) at)).isEqualTo(HELD));
        List<Map<String, Object>> streams = given().get("/api/v1/sync").then().statusCode(200).extract().jsonPath()
                .getList("items");
        // the run's sync saved a cursor for every stream (an empty page too); each one is the clock's instant
        assertThat(streams).extracting(stream -> stream.get("stream"))
                .contains("contact-merges", "contacts", "ad-referrals", "interactions", "deals", "campaigns", "sends",
                        "resolutions");
        assertThat(streams).as("sync state " + streams).allSatisfy(stream -> {
            assertThat(stream.get("lastError")).isNull();
            assertThat(Instant.parse((String) stream.get("syncedAt"))).isEqualTo(HELD);
        });
    }

    @Test
    void aRateChangeMarksItsDaysUpToTheClocksToday() {
        QuarkusMock.installMockForType(new MutableClock(HELD), Clock.class);
        // other tests' facts leave dirty days in 2021 too: this one looks only at what its rate adds
        List<LocalDate> before = dirtyDaysOf2021();
        String id = given().contentType(ContentType.JSON).body(Map.of("callingCode", "997", "category", "utility",
                        "rate", 0.01, "effectiveFrom", "2021-03-01"))
                .post("/api/v1/message-rates").then().statusCode(201).extract().path("id");
        List<LocalDate> added = new java.util.ArrayList<>(dirtyDaysOf2021());
        added.removeAll(before);
        try {
            // the workspace's zone is UTC here: the held instant's day is 2021-03-04, the last day marked
            assertThat(dirtyDaysOf2021()).contains(LocalDate.parse("2021-03-01"), LocalDate.parse("2021-03-02"),
                    LocalDate.parse("2021-03-03"), LocalDate.parse("2021-03-04"));
            assertThat(added).as("days the rate marked").allSatisfy(day -> assertThat(day)
                    .isBetween(LocalDate.parse("2021-03-01"), LocalDate.parse("2021-03-04")));
        } finally {
            given().delete("/api/v1/message-rates/" + id).then().statusCode(204);
            // the days it added stay out of the next test's nightly recompute
            pool.preparedQuery("DELETE FROM dirty_days WHERE day = ANY($1)")
                    .execute(Tuple.of(added.toArray(LocalDate[]::new))).await().atMost(Duration.ofSeconds(10));
        }
    }

    private List<LocalDate> dirtyDaysOf2021() {
        return pool.preparedQuery("SELECT day FROM dirty_days WHERE day BETWEEN $1 AND $2 ORDER BY day")
                .execute(Tuple.of(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))
                .await().atMost(Duration.ofSeconds(10)).stream().map(row -> row.getLocalDate("day")).toList();
    }
}
