package io.chatroi.contacts.api;

import io.chatroi.common.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What a platform team scrapes: contacts-service's own metrics move with real traffic, and carry no id. */
@QuarkusTest
class MetricsApiTest {

    @Test
    void importsClassificationsAndEligibilityChecksAreCounted() throws Exception {
        Scrape before = Scrape.fetch();
        String csv = "phone,name\n" + berlinPhone() + ",One\n" + berlinPhone() + ",Two\n12345,Broken\n";
        given().contentType("text/csv").body(csv).post("/api/v1/contacts/import").then().statusCode(200);
        String id = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/contacts/" + id + "/interactions", Map.of("direction", "inbound", "text", "How much for 500 units?"))
                .statusCode(201);
        given().get("/api/v1/contacts/" + id + "/send-eligibility").then().statusCode(200);

        Scrape after = Scrape.fetch();
        assertThat(moved(before, after, "chatroi_contacts_import_rows_total", "outcome", "created")).isEqualTo(2);
        assertThat(moved(before, after, "chatroi_contacts_import_rows_total", "outcome", "rejected")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_contacts_classifications_total", "tier", "high")).isEqualTo(1);
        assertThat(moved(before, after, "chatroi_contacts_eligibility_checks_total")).isEqualTo(1);
        // the standard ones: HTTP server by route template, JVM, the reactive pool
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/contacts/{id}/interactions"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.names()).contains("jvm_memory_used_bytes", "process_cpu_usage");
        after.assertNoIdInAnyLabel();
        after.assertExposesEveryListedMetricOf("contacts-service");
    }

    @Test
    void metricsAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
