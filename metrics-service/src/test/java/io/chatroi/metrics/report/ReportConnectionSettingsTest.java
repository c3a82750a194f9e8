package io.chatroi.metrics.report;

import io.chatroi.metrics.api.FakeUpstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings every pooled connection starts with, which the report statements' cost depends on. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ReportConnectionSettingsTest {

    @Inject
    Pool pool;

    @Test
    void pooledConnectionsRunWithoutJitCompilation() {
        for (int i = 0; i < 3; i++) {
            String jit = pool.query("SHOW jit").execute().await().atMost(Duration.ofSeconds(30))
                    .iterator().next().getString(0);
            assertThat(jit).as("jit on a pooled connection").isEqualTo("off");
        }
    }
}
