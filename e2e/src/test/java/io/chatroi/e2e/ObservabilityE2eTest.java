package io.chatroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a platform team relies on across the packaged services: one trace id from the caller's traceparent through
 * the gateway, campaign-service and its own call to contacts-service, with the request id beside it in each log;
 * and metrics on each service's management port only.
 */
@ExtendWith(Stack.class)
class ObservabilityE2eTest {

    @Test
    void oneTraceIdFollowsARequestThroughTheGatewayAndAServiceToServiceCall() {
        String manager = key("manager", null);
        String traceId = String.format("%016x%016x", ThreadLocalRandom.current().nextLong(),
                ThreadLocalRandom.current().nextLong());
        String requestId = "e2e-otel-" + traceId.substring(0, 8);
        String template = as(manager).contentType("application/json").body(Map.of("name", "otel_" + traceId.substring(0, 8),
                        "language", "en_US", "category", "marketing", "body", "Hi {{1}}"))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        // creating a campaign on a filter makes campaign-service ask contacts-service for the audience
        as(manager).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").header("X-Request-Id", requestId)
                .contentType("application/json")
                .body(Map.of("name", "otel trace", "owner", "alice",
                        "audience", Map.of("filter", Map.of("tagsAll", List.of("otel"))),
                        "variants", List.of(Map.of("key", "A", "templateId", template, "weight", 100,
                                "parameters", List.of("friend"))),
                        "holdoutWeight", 0, "goal", Map.of("type", "reply"),
                        "rules", Map.of("respectQuietHours", false, "frequencyCap", false)))
                .post("/api/v1/campaigns").then().statusCode(201).header("X-Request-Id", requestId);

        Services services = Stack.services();
        await("the trace id beside the request id in the gateway's, campaign-service's and contacts-service's logs",
                Duration.ofSeconds(15), () -> {
                    for (String module : List.of("gateway", "campaign-service", "contacts-service")) {
                        if (log(services, module).lines().noneMatch(line -> line.contains(traceId)
                                && line.contains(requestId))) {
                            return null;
                        }
                    }
                    return true;
                });
        // contacts-service logs JSON (CHATROI_LOG_FORMAT=json, as on Kubernetes): the ids are fields of the line
        String line = log(services, "contacts-service").lines().filter(l -> l.contains(traceId))
                .filter(l -> l.contains("/api/v1/contacts/audience")).findFirst().orElseThrow(() ->
                        new AssertionError("no access log line of the hop campaign-service -> contacts-service"));
        JsonNode json = readJson(line);
        assertThat(json.path("traceId").asText()).isEqualTo(traceId);
        assertThat(json.path("requestId").asText()).isEqualTo(requestId);
        assertThat(json.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(json.path("service").asText()).isEqualTo("contacts-service");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void everyServiceServesMetricsOnItsManagementPortOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int port : new int[]{Services.GATEWAY, Services.CONTACTS, Services.CAMPAIGN, Services.METRICS}) {
            HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + Services.managementPort(port) + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
            given().port(port).get("/q/metrics").then().statusCode(404);
        }
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Services.managementPort(Services.CAMPAIGN) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("chatroi_dispatch_queue_depth");
    }

    @Test
    void noSecretOrPhoneNumberIsLogged() {
        Services services = Stack.services();
        for (String module : List.of("gateway", "contacts-service", "campaign-service", "metrics-service")) {
            String log = log(services, module);
            assertThat(log).as(module).doesNotContain(Services.ADMIN_KEY, Services.INTERNAL_TOKEN, Services.APP_SECRET);
            assertThat(log.lines().filter(line -> line.matches(".*\\+\\d{9,15}.*")).toList())
                    .as(module + " lines with a phone number").isEmpty();
        }
    }

    private static JsonNode readJson(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static String log(Services services, String module) {
        try {
            return services.log(module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
