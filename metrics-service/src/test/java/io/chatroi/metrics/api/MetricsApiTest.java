package io.chatroi.metrics.api;

import io.chatroi.common.testing.Scrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What a platform team scrapes from metrics-service after recomputes, syncs and report reads. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class MetricsApiTest {

    @Test
    void recomputeSyncAndReportCacheMetricsMove() throws Exception {
        Scrape before = Scrape.fetch();
        Facts.putContact(Facts.contact("metrics-owner", Instant.parse("2025-09-02T10:00:00Z")));
        Facts.recomputeOk("2025-09-01", "2025-09-03");
        given().get("/api/v1/kpis?from=2025-09-01&to=2025-09-03").then().statusCode(200);
        given().get("/api/v1/kpis?from=2025-09-01&to=2025-09-03").then().statusCode(200);
        FakeUpstreams.FAIL_AFTER.put("sends", 0);
        try {
            Facts.recompute("2025-09-01", "2025-09-03", true);
        } finally {
            FakeUpstreams.FAIL_AFTER.remove("sends");
        }

        Scrape after = Scrape.fetch();
        assertThat(moved(before, after, "chatroi_recompute_runs_total", "outcome", "succeeded"))
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_recompute_duration_seconds_count", "outcome", "succeeded"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.sum("chatroi_recompute_rows_written_total")).isGreaterThan(0);
        assertThat(after.sum("chatroi_recompute_last_success_timestamp_seconds"))
                .isGreaterThan(Instant.now().getEpochSecond() - 600);
        assertThat(after.sum("chatroi_sync_lag_seconds", "stream", "contacts")).isBetween(0.0, 600.0);
        assertThat(moved(before, after, "chatroi_sync_items_total", "stream", "contacts")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_sync_failures_total", "stream", "sends")).isEqualTo(1);
        // each attempt of a sync call is timed: the contacts listing answered, the failing sends listing did not
        assertThat(moved(before, after, "chatroi_http_client_requests_seconds_count", "upstream", "contacts-service",
                "outcome", "2xx")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_http_client_requests_seconds_count", "upstream", "campaign-service",
                "operation", "/api/v1/sends")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_reports_cache_total", "result", "miss")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "chatroi_reports_cache_total", "result", "hit")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/kpis")).isGreaterThanOrEqualTo(2);
        after.assertNoIdInAnyLabel();
        after.assertExposesEveryListedMetricOf("metrics-service");
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
