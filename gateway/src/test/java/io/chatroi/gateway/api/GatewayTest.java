package io.chatroi.gateway.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.chatroi.common.testing.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.chatroi.gateway.api.Keys.ADMIN;
import static io.chatroi.gateway.api.Keys.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void forwardsEachPathFamilyToItsServiceUnchanged() {
        as(ADMIN).urlEncodingEnabled(false).get("/api/v1/contacts?stages=new&stages=quoted&q=a%20b").then().statusCode(200)
                .body("service", equalTo("contacts"))
                .body("uri", equalTo("/api/v1/contacts?stages=new&stages=quoted&q=a%20b"));
        for (String path : List.of("/api/v1/tags", "/api/v1/segments/1/count", "/api/v1/deals", "/api/v1/follow-ups")) {
            as(ADMIN).get(path).then().statusCode(200).body("service", equalTo("contacts"));
        }
        for (String path : List.of("/api/v1/templates", "/api/v1/campaigns", "/api/v1/campaigns/abc",
                "/api/v1/sends", "/api/v1/messages", "/api/v1/receipts", "/api/v1/conversations")) {
            as(ADMIN).get(path).then().statusCode(200).body("service", equalTo("campaign"));
        }
        for (String path : List.of("/api/v1/campaigns/abc/experiment", "/api/v1/costs", "/api/v1/settings",
                "/api/v1/kpis", "/api/v1/funnel", "/api/v1/scorecards", "/api/v1/roi", "/api/v1/trends",
                "/api/v1/alerts")) {
            as(ADMIN).get(path).then().statusCode(200).body("service", equalTo("metrics"));
        }
        as(ADMIN).contentType("application/json").body("{\"a\":1}").post("/api/v1/recompute").then().statusCode(201)
                .header("Location", "/api/v1/things/1")
                .body("service", equalTo("metrics")).body("method", equalTo("POST")).body("bodyBytes", equalTo(7));
    }

    @Test
    void webhooksAndTrackedLinksNeedNoKey() {
        given().contentType("application/json").body("{}").post("/webhooks/whatsapp").then().statusCode(201)
                .body("service", equalTo("campaign")).body("uri", equalTo("/webhooks/whatsapp"));
        given().get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42").then().statusCode(200)
                .body("uri", equalTo("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42"));
        given().redirects().follow(false).get("/r/Ab3x").then().statusCode(200).body("service", equalTo("campaign"));
    }

    @Test
    void servicesLearnWhoCallsFromTheGatewayOnly() {
        String agent = Keys.create("agent", "alice");
        Response echo = as(agent).header("X-ChatROI-Role", "admin").header("X-ChatROI-Owner", "bob")
                .header("X-ChatROI-Internal-Token", "forged").header("X-ChatROI-Key-Id", "forged")
                .get("/api/v1/contacts");
        echo.then().statusCode(200);
        Map<String, String> headers = echo.path("headers");
        assertThat(headers.get("x-chatroi-role")).isEqualTo("agent");
        assertThat(headers.get("x-chatroi-owner")).isEqualTo("alice");
        assertThat(headers.get("x-chatroi-internal-token")).isEqualTo("test-internal-token");
        assertThat(headers.get("x-chatroi-key-id")).isNotEqualTo("forged").hasSize(36);
        assertThat(headers).doesNotContainKey("authorization");
        // and the gateway narrows the agent's lists itself
        as(agent).get("/api/v1/scorecards?week=2026-W47&owner=bob").then().statusCode(200)
                .body("uri", equalTo("/api/v1/scorecards?week=2026-W47&owner=alice"));
        as(agent).get("/api/v1/contacts?owners=bob").then().statusCode(200)
                .body("uri", equalTo("/api/v1/contacts?owners=alice"));
        as(agent).get("/api/v1/scorecards/deals?measure=ordersWon&owner=bob").then().statusCode(200)
                .body("service", equalTo("metrics"))
                .body("uri", equalTo("/api/v1/scorecards/deals?measure=ordersWon&owner=alice"));
        as(agent).get("/api/v1/scorecards/contacts?measure=referrals").then().statusCode(200)
                .body("uri", equalTo("/api/v1/scorecards/contacts?measure=referrals&owner=alice"));
        // ROI's lists are not an agent's
        as(agent).get("/api/v1/roi/deals?part=direct").then().statusCode(403);
        as(agent).get("/api/v1/conversation-outcomes/hanging?owner=bob&limit=5").then().statusCode(200)
                .body("service", equalTo("metrics"))
                .body("uri", equalTo("/api/v1/conversation-outcomes/hanging?limit=5&owner=alice"));

        Map<String, String> webhook = given().header("X-ChatROI-Role", "admin").body("{}")
                .post("/webhooks/whatsapp").then().statusCode(201).extract().path("headers");
        assertThat(webhook).doesNotContainKeys("x-chatroi-role", "x-chatroi-key-id");
        assertThat(webhook.get("x-chatroi-internal-token")).isEqualTo("test-internal-token");
    }

    @Test
    void problemAnswersPassThroughUnchanged() {
        as(ADMIN).get("/api/v1/deals/missing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Deal missing does not exist"))
                .body("type", equalTo("https://chatroi.io/problems/not-found"));
    }

    @Test
    void requestIdIsAcceptedForwardedAndReturned() {
        Response given = as(ADMIN).header("X-Request-Id", "trace-123").get("/api/v1/contacts");
        assertThat(given.headers().getValues("X-Request-Id")).containsExactly("trace-123");
        assertThat(given.<String>path("headers.x-request-id")).isEqualTo("trace-123");

        Response generated = as(ADMIN).get("/api/v1/deals/missing");
        String id = generated.header("X-Request-Id");
        assertThat(id).hasSize(36);
        assertThat(generated.headers().getValues("X-Request-Id")).hasSize(1);

        Response unauthenticated = given().header("X-Request-Id", "bad id with spaces").get("/api/v1/contacts");
        assertThat(unauthenticated.header("X-Request-Id")).hasSize(36);
    }

    @Test
    void missingUnknownAndRevokedKeysAre401() {
        given().get("/api/v1/contacts").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("type", equalTo("https://chatroi.io/problems/unauthorized"));
        given().header("Authorization", "Basic abc").get("/api/v1/contacts").then().statusCode(401);
        as("chr_not-a-key").get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
        as("chr_not-a-key").get("/api/v1/api-keys").then().statusCode(401);

        String key = Keys.create("manager", null);
        as(key).get("/api/v1/contacts").then().statusCode(200);
        String id = as(ADMIN).get("/api/v1/api-keys").then().statusCode(200).extract()
                .path("items.find { it.keyPrefix == '" + key.substring(0, 8) + "' }.id");
        as(ADMIN).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(key).get("/api/v1/contacts").then().statusCode(401).body("detail", equalTo("The API key is unknown or revoked"));
    }

    @Test
    void rolesOutsideTheirTableAre403() {
        String viewer = Keys.create("viewer", null);
        as(viewer).get("/api/v1/kpis").then().statusCode(200);
        as(viewer).get("/api/v1/campaigns/abc/experiment").then().statusCode(200);
        as(viewer).contentType("application/json").body("{}").post("/api/v1/contacts").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        as(viewer).get("/api/v1/contacts").then().statusCode(403);

        String agent = Keys.create("agent", "alice");
        as(agent).get("/api/v1/contacts").then().statusCode(200);
        as(agent).delete("/api/v1/contacts/1").then().statusCode(403);
        as(agent).get("/api/v1/campaigns").then().statusCode(403);
        as(agent).get("/api/v1/api-keys").then().statusCode(403);
        // dot segments cannot smuggle a path past the table
        as(agent).get("/api/v1/contacts/../campaigns").then().statusCode(403);
        // matrix parameters and encoded slashes are refused before any check: routing would read them differently
        given().urlEncodingEnabled(false).get("/api;x/v1/api-keys").then().statusCode(400)
                .contentType("application/problem+json");
        as(agent).urlEncodingEnabled(false).get("/api/v1/contacts/export;x").then().statusCode(400);
        as(agent).urlEncodingEnabled(false).get("/api/v1/contacts%2Fexport").then().statusCode(400);
        as(agent).get("/api/v1/contacts/").then().statusCode(400);

        String integrator = Keys.create("integrator", null);
        as(integrator).contentType("application/json").body("{}").post("/api/v1/interactions").then().statusCode(201);
        as(integrator).get("/api/v1/kpis").then().statusCode(403);

        String manager = Keys.create("manager", null);
        as(manager).get("/api/v1/roi").then().statusCode(200);
        as(manager).contentType("application/json").body(Map.of("name", "x", "role", "admin"))
                .post("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void eachKeyHasItsOwnRateLimit() {
        // the test profile allows bursts of 30 and 10 per second; the clock stands still, so the count is exact
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);
        String key = Keys.create("integrator", null);
        String other = Keys.create("integrator", null);
        for (int i = 0; i < 30; i++) {
            as(key).get("/api/v1/contacts").then().statusCode(200);
        }
        Response limited = as(key).get("/api/v1/contacts");
        limited.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isEqualTo(1);
        as(other).get("/api/v1/contacts").then().statusCode(200);

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            as(key).get("/api/v1/contacts").then().statusCode(200);
        }
        as(key).get("/api/v1/contacts").then().statusCode(429);
    }

    @Test
    void apiKeysAreShownOnceStoredHashedListedAndRevocable() {
        Response created = as(ADMIN).contentType("application/json")
                .body(Map.of("name", "Alice's phone", "role", "agent", "owner", "alice"))
                .post("/api/v1/api-keys");
        created.then().statusCode(201).body("name", equalTo("Alice's phone")).body("role", equalTo("agent"))
                .body("owner", equalTo("alice")).body("key", notNullValue());
        String key = created.path("key");
        String id = created.path("id");
        assertThat(key).startsWith("chr_").hasSizeGreaterThan(40);
        assertThat(created.header("Location")).endsWith("/api/v1/api-keys/" + id);

        as(ADMIN).get("/api/v1/api-keys/" + id).then().statusCode(200).body("key", nullValue())
                .body("keyPrefix", equalTo(key.substring(0, 8))).body("lastUsedAt", nullValue())
                .body("createdBy", equalTo("key:bootstrap"));
        as(key).get("/api/v1/deals").then().statusCode(200);
        as(ADMIN).get("/api/v1/api-keys/" + id).then().statusCode(200).body("lastUsedAt", notNullValue());
        assertThat(as(ADMIN).get("/api/v1/api-keys?limit=500").then().statusCode(200).extract().asString())
                .contains(id).doesNotContain(key);

        as(ADMIN).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(ADMIN).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(ADMIN).get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        assertThat(as(ADMIN).get("/api/v1/api-keys?limit=500").then().extract().asString()).doesNotContain(id);
        assertThat(as(ADMIN).get("/api/v1/api-keys?limit=500&includeRevoked=true").then().extract().asString())
                .contains(id);
        as(ADMIN).delete("/api/v1/api-keys/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidKeyRequestsAreProblems() {
        as(ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "agent"))
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("owner"));
        as(ADMIN).contentType("application/json").body(Map.of("name", "", "role", "boss"))
                .post("/api/v1/api-keys").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "role"));
        as(ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "viewer", "owner", "bob"))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors[0].field", equalTo("owner"));
        as(ADMIN).get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void corsAnswersConfiguredOriginsOnly() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/contacts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com");
        as(ADMIN).header("Origin", "https://app.example.com").get("/api/v1/contacts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
        Response evil = given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/contacts");
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        as(ADMIN).get("/api/v1/contacts").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", notNullValue()).header("Referrer-Policy", "no-referrer");
        given().get("/api/v1/contacts").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void bodiesAboveTheLimitAre413() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/contacts/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 300000000\r\n\r\nphone\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void chunkedBodiesStreamUpToTheLimit() throws Exception {
        long size = 12L * 1024 * 1024;
        // HTTP/1.1 chunked, and HTTP/2 (h2c) where a body of unknown length has no Transfer-Encoding at all
        for (var version : java.net.http.HttpClient.Version.values()) {
            var client = java.net.http.HttpClient.newBuilder().version(version).build();
            var answer = client.send(chunkedUpload(size), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(version.name()).isEqualTo(201);
            assertThat(answer.body()).as(version.name()).contains("\"bodyBytes\":" + size);
        }
    }

    @Test
    void chunkedBodiesAreCutAtTheLimit() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        long size = 25L * 1024 * 1024; // the test limit is 20M
        var request = chunkedUpload(size);
        try {
            var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
        } catch (java.io.IOException closed) {
            // the gateway may close the connection before the client reads the 413: also a refusal
        }
        as(ADMIN).get("/api/v1/contacts").then().statusCode(200);
    }

    @Test
    void chunkedJsonIsCutAtTheServicesJsonLimitWithA413() throws Exception {
        // 2 MiB of JSON without a length: the service would refuse it past 1 MiB and close the connection mid-stream,
        // which the gateway used to report as a 503; it now cuts the body at the same limit and answers 413 itself
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = chunkedUpload(2L * 1024 * 1024, "/api/v1/contacts", "application/json");
        try {
            var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.body()).contains("1048576 bytes");
        } catch (java.io.IOException closed) {
            // the gateway may close the connection before the client reads the 413: also a refusal, never a 503
        }
        as(ADMIN).get("/api/v1/contacts").then().statusCode(200);
    }

    /** A CSV import of {@code size} bytes without Content-Length (chunked). */
    private java.net.http.HttpRequest chunkedUpload(long size) throws Exception {
        return chunkedUpload(size, "/api/v1/contacts/import", "text/csv");
    }

    /** A body of {@code size} bytes without Content-Length (chunked). */
    private java.net.http.HttpRequest chunkedUpload(long size, String path, String type) throws Exception {
        return java.net.http.HttpRequest.newBuilder(gateway.toURI().resolve(path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'a' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                        left -= n;
                        return n;
                    }
                })).build();
    }

    @Test
    void largeBodiesStreamBothWays() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var answer = client.send(java.net.http.HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/contacts/export"))
                .header("Authorization", "Bearer " + ADMIN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (InputStream export = answer.body()) {
            // the service holds the rest until we have read its first 64 KiB: only a streaming proxy gets here
            // (30 s bounds the wait only so that a buffering proxy fails the test instead of hanging it)
            byte[] first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return export.readNBytes(64 * 1024);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).hasSize(64 * 1024);
            FakeServices.releaseExport();
            long total = first.length;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = export.read(buffer)) > 0; ) {
                total += n;
            }
            assertThat(total).isEqualTo(FakeServices.EXPORT_BYTES);
        }
        byte[] csv = new byte[15 * 1024 * 1024];
        java.util.Arrays.fill(csv, (byte) 'a');
        as(ADMIN).contentType("text/csv").body(csv).post("/api/v1/contacts/import").then().statusCode(201)
                .body("bodyBytes", equalTo(csv.length));
    }

    @Test
    void aServiceThatIsDownIs503AndASilentOne504() {
        FakeServices.takeDown("metrics");
        try {
            // 503 at once, not the 504 of waiting out the timeout: a refused connection is not retried until then
            as(ADMIN).get("/api/v1/kpis").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503)).body("detail", equalTo("metrics-service is unavailable; retry shortly"))
                    .header("Retry-After", "1");
        } finally {
            FakeServices.startAgain("metrics");
        }
        as(ADMIN).get("/api/v1/kpis").then().statusCode(200);
        given().get("/r/slow").then().statusCode(504).contentType("application/problem+json")
                .body("status", equalTo(504));
    }

    @Test
    void oneMergedOpenApiDocumentForFrontends() {
        Response doc = given().get("/q/openapi?format=json");
        doc.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/json"))
                .body("openapi", startsWithString("3."))
                .body("info.title", equalTo("ChatROI API"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("security[0].bearer", org.hamcrest.Matchers.empty())
                .body("x-chatroi-sources.contacts-service", equalTo("ok"))
                .body("x-chatroi-sources.metrics-service", equalTo("ok"));
        Map<String, Object> paths = doc.path("paths");
        assertThat(paths).containsKeys("/api/v1/api-keys", "/api/v1/api-keys/{id}", "/api/v1/contacts",
                "/api/v1/campaigns", "/api/v1/kpis", "/api/v1/campaigns/{id}/experiment", "/webhooks/whatsapp");
        assertThat(paths.keySet()).noneMatch(p -> p.startsWith("/q/"));
        // a path a service serves but the gateway does not route is reported, not published
        assertThat(paths).doesNotContainKey("/api/v1/brand-new-family");
        assertThat(doc.<List<String>>path("x-chatroi-unrouted")).containsExactly("metrics-service /api/v1/brand-new-family");
        // the experiment is answered by metrics-service, so its description wins over campaign-service's
        assertThat(doc.<String>path("paths.'/api/v1/campaigns/{id}/experiment'.get.summary"))
                .isEqualTo("metrics experiment");
        assertThat(doc.<List<?>>path("paths.'/webhooks/whatsapp'.post.security")).isEmpty();
        // the identity headers are the gateway's business, not the callers'
        assertThat(doc.<List<String>>path("paths.'/api/v1/contacts'.get.parameters.name")).containsExactly("limit");
        // same-named schemas with different content are kept apart, and references follow
        Map<String, Object> schemas = doc.path("components.schemas");
        assertThat(schemas).containsKeys("Page", "CampaignPage", "MetricsPage", "UUID", "ApiKey", "CreatedApiKey");
        assertThat(doc.<String>path("paths.'/api/v1/kpis'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/MetricsPage");
        assertThat(doc.<String>path("paths.'/api/v1/contacts'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Page");

        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml).contains("openapi: 3.1.0").contains("/api/v1/api-keys");
        given().get("/q/swagger-ui/").then().statusCode(200);
        assertThat(given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString())
                .contains("/q/openapi");
    }

    private static org.hamcrest.Matcher<String> startsWithString(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
