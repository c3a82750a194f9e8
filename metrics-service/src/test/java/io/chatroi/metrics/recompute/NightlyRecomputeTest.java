package io.chatroi.metrics.recompute;

import io.chatroi.metrics.api.FakeUpstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The nightly run fires at the cron's hour (02:00 here) in the settings row's time zone, not the deployment's. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class NightlyRecomputeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RecomputeJob job;

    @Test
    void theNightlyRunFollowsTheTimeZoneOfTheSettings() {
        Instant twoInShanghai = Instant.parse("2026-01-04T18:00:00Z");
        Instant twoInUtc = Instant.parse("2026-01-05T02:00:00Z");
        try {
            zone("Asia/Shanghai");
            assertThat(job.nightlyIfDue(twoInUtc.minusSeconds(30), twoInUtc.plusSeconds(30)).await().atMost(WAIT))
                    .isNull();
            RecomputeRun run = job.nightlyIfDue(twoInShanghai.minusSeconds(30), twoInShanghai.plusSeconds(30))
                    .await().atMost(WAIT);
            assertThat(run).isNotNull();
            assertThat(run.trigger()).isEqualTo("nightly");
            awaitEnd(run);
        } finally {
            zone("UTC");
        }
        RecomputeRun utc = job.nightlyIfDue(twoInUtc.minusSeconds(30), twoInUtc.plusSeconds(30)).await().atMost(WAIT);
        assertThat(utc).isNotNull();
        awaitEnd(utc);
    }

    /** Waits for the run to end, so no later test's recompute meets its lock. */
    private static void awaitEnd(RecomputeRun run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String status;
        do {
            status = given().get("/api/v1/recompute/" + run.id()).then().statusCode(200).extract().path("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("nightly recompute " + run.id() + " still " + status + " after 120 s");
    }

    private static void zone(String zone) {
        given().contentType(ContentType.JSON).body(Map.of("timeZone", zone)).put("/api/v1/settings").then()
                .statusCode(200);
    }
}
