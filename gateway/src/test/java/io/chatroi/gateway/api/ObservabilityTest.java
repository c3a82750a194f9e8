package io.chatroi.gateway.api;

import io.chatroi.common.testing.Scrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.gateway.api.Keys.ADMIN;
import static io.chatroi.gateway.api.Keys.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What a platform team sees of the gateway: its metrics after real traffic, and traces continued downstream. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ObservabilityTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void requestsAreCountedByRouteRoleAndStatusAndUpstreamCallsAreTimed() throws Exception {
        Scrape before = Scrape.fetch();
        as(ADMIN).get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(200);
        given().get("/api/v1/contacts").then().statusCode(401);
        String viewer = Keys.create("viewer", null);
        as(viewer).delete("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(403);
        // more at once than the key's burst (30 in tests), so the bucket runs dry however slow this machine is
        String burst = Keys.create("manager", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        long limited;
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 120; i++) {
                answers.add(pool.submit(() -> as(burst).get("/api/v1/tags").statusCode()));
            }
            limited = 0;
            for (var answer : answers) {
                limited += answer.get() == 429 ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        // how many of them the bucket refused depends on how fast this machine answers; each one is counted below
        FakeServices.takeDown("metrics");
        try {
            as(ADMIN).get("/api/v1/kpis").then().statusCode(503);
        } finally {
            FakeServices.startAgain("metrics");
        }
        given().get("/r/slow").then().statusCode(504);

        Scrape after = Scrape.fetch();
        assertThat(moved(before, after, "chatroi_gateway_requests_total", "route", "contacts", "role", "admin",
                "status", "200")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_gateway_requests_total", "route", "contacts", "role", "none",
                "status", "401")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_gateway_requests_total", "role", "viewer", "status", "403"))
                .isEqualTo(1);
        assertThat(moved(before, after, "chatroi_gateway_requests_total", "role", "manager", "status", "429"))
                .isEqualTo(limited);
        assertThat(moved(before, after, "chatroi_gateway_upstream_errors_total", "service", "metrics-service",
                "kind", "unavailable")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_gateway_upstream_errors_total", "service", "campaign-service",
                "kind", "timeout")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_gateway_upstream_seconds_count", "service", "contacts-service",
                "outcome", "answered")).isGreaterThanOrEqualTo(1);
        assertThat(after.names()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
        after.assertNoIdInAnyLabel();
        after.assertExposesEveryListedMetricOf("gateway");
    }

    @Test
    void metricsStayOffThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        as(ADMIN).get("/q/metrics").then().statusCode(404);
    }

    @Test
    void aCallersTraceIsContinuedToTheServiceWithTheRequestIdBesideIt() {
        Map<String, String> seen = as(ADMIN).header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "req-trace-1").get("/api/v1/contacts").then().statusCode(200)
                .extract().path("headers");
        assertThat(seen.get("traceparent")).startsWith("00-" + TRACE + "-").doesNotContain("00f067aa0ba902b7")
                .endsWith("-01");
        assertThat(seen.get("x-request-id")).isEqualTo("req-trace-1");
    }

    @Test
    void aCallersUnsampledTraceStaysUnsampledDownstream() {
        // parent-based: the caller dropped this trace, so the gateway and the service drop it too, whatever the ratio
        Map<String, String> seen = as(ADMIN).header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-00")
                .get("/api/v1/contacts").then().statusCode(200).extract().path("headers");
        assertThat(seen.get("traceparent")).matches("00-" + TRACE + "-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aKeylessRouteIsTracedToo() {
        Map<String, String> seen = given().header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .get("/webhooks/whatsapp").then().statusCode(200).extract().path("headers");
        assertThat(seen.get("traceparent")).matches("00-" + TRACE + "-[0-9a-f]{16}-01");
    }

    @Test
    void withoutATraceparentTheGatewayStartsATrace() {
        Map<String, String> seen = as(ADMIN).get("/api/v1/contacts").then().statusCode(200).extract().path("headers");
        // tests run with OTEL_TRACES_SAMPLER_ARG's default of 1.0: every new trace is sampled
        assertThat(seen.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
