package io.chatroi.gateway.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.chatroi.gateway.api.Keys.ADMIN;
import static io.chatroi.gateway.api.Keys.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head sampling at a ratio of 0 (common's ServerSpans): a request without a traceparent starts a
 * trace that is not sampled but still reaches the service, flagged so, for its logs; a caller's sampled trace is
 * kept whatever the ratio.
 */
@QuarkusTest
@TestProfile(UnsampledTracingTest.NothingSampled.class)
@QuarkusTestResource(FakeServices.class)
class UnsampledTracingTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void aNewTraceIsPassedOnFlaggedNotSampled() {
        Map<String, String> seen = as(ADMIN).get("/api/v1/contacts").then().statusCode(200).extract().path("headers");
        assertThat(seen.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")
                .doesNotStartWith("00-00000000000000000000000000000000");
    }

    @Test
    void aCallersSampledTraceIsKept() {
        Map<String, String> seen = as(ADMIN).header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01")
                .get("/api/v1/contacts").then().statusCode(200).extract().path("headers");
        assertThat(seen.get("traceparent")).matches("00-" + TRACE + "-[0-9a-f]{16}-01")
                .doesNotContain("b7ad6b7169203331");
    }

    public static class NothingSampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "0.0");
        }
    }
}
