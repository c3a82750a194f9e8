package io.chatroi.gateway.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Three small HTTP servers standing in for contacts-, campaign- and metrics-service. Each echoes what reached it
 * (service, method, uri, headers, body size) as JSON, serves a tiny OpenAPI document, and has a few special paths:
 * a streamed export, a problem answer, a request that never gets an answer.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final long EXPORT_BYTES = 40L * 1024 * 1024;
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final Map<String, HttpServer> SERVERS = new HashMap<>();
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (String service : new String[]{"contacts", "campaign", "metrics"}) {
            listen(service, 0);
        }
        return Map.of("chatroi.gateway.contacts-url", "http://127.0.0.1:" + PORTS.get("contacts"),
                "chatroi.gateway.campaign-url", "http://127.0.0.1:" + PORTS.get("campaign"),
                "chatroi.gateway.metrics-url", "http://127.0.0.1:" + PORTS.get("metrics"));
    }

    @Override
    public void stop() {
        vertx.close();
    }

    /** Takes a service down (its port then refuses connections) until {@link #startAgain}. */
    public static void takeDown(String service) {
        await(SERVERS.remove(service).close());
    }

    public static void startAgain(String service) {
        listen(service, PORTS.get(service));
    }

    private static void listen(String service, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
        await(server.listen(port, "127.0.0.1"));
        PORTS.put(service, server.actualPort());
        SERVERS.put(service, server);
    }

    private static void await(io.vertx.core.Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(String service, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
            return;
        }
        if (path.endsWith("/slow")) {
            return; // never answers
        }
        if (path.equals("/api/v1/contacts/export")) {
            export(request);
            return;
        }
        if (path.equals("/api/v1/deals/missing")) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .putHeader("X-Request-Id", "downstream-would-echo-it")
                    .end(new JsonObject().put("type", "https://chatroi.io/problems/not-found").put("title", "Not found")
                            .put("status", 404).put("detail", "Deal missing does not exist").encode());
            return;
        }
        long[] bytes = {0};
        request.handler(chunk -> bytes[0] += chunk.length());
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            request.response().setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Location", "http://" + request.authority() + "/api/v1/things/1")
                    .end(new JsonObject().put("service", service).put("method", request.method().name())
                            .put("uri", request.uri()).put("headers", headers).put("bodyBytes", bytes[0]).encode());
        });
    }

    private static volatile java.util.concurrent.CompletableFuture<Void> exportRelease =
            new java.util.concurrent.CompletableFuture<>();

    /** Lets the export that is holding its rest write it. */
    public static void releaseExport() {
        exportRelease.complete(null);
    }

    /**
     * A CSV export: the first chunk at once, then nothing until the test has read that chunk and calls
     * {@link #releaseExport()}; a proxy that buffered the whole body would never pass the first chunk on.
     */
    private static void export(HttpServerRequest request) {
        var response = request.response().setChunked(true).putHeader("Content-Type", "text/csv");
        Buffer chunk = Buffer.buffer("x".repeat(64 * 1024 - 1) + "\n");
        // armed before the first write, so the test cannot read the chunk and release an older future
        var release = new java.util.concurrent.CompletableFuture<Void>();
        exportRelease = release;
        response.write(chunk);
        var context = vertx.getOrCreateContext();
        release.thenRun(() -> context.runOnContext(v -> writeRest(response, chunk, EXPORT_BYTES - chunk.length())));
    }

    private static void writeRest(io.vertx.core.http.HttpServerResponse response, Buffer chunk, long remaining) {
        while (remaining > 0 && !response.writeQueueFull()) {
            response.write(chunk);
            remaining -= chunk.length();
        }
        if (remaining <= 0) {
            response.end();
            return;
        }
        long left = remaining;
        response.drainHandler(v -> writeRest(response, chunk, left));
    }

    private static JsonObject openApi(String service) {
        String resource = switch (service) {
            case "contacts" -> "contacts";
            case "campaign" -> "campaigns";
            default -> "kpis";
        };
        JsonObject ok = new JsonObject().put("200", new JsonObject().put("description", "OK")
                .put("content", new JsonObject().put("application/json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page")))));
        JsonObject paths = new JsonObject()
                .put("/api/v1/" + resource, new JsonObject().put("get", new JsonObject()
                        .put("summary", "List " + resource).put("tags", new JsonArray().add(service))
                        .put("parameters", new JsonArray()
                                .add(new JsonObject().put("name", "X-ChatROI-Key-Id").put("in", "header"))
                                .add(new JsonObject().put("name", "limit").put("in", "query")))
                        .put("responses", ok)));
        if (!service.equals("contacts")) {
            // both campaign- and metrics-service describe the experiment path; only metrics answers it
            paths.put("/api/v1/campaigns/{id}/experiment", new JsonObject().put("get", new JsonObject()
                    .put("summary", service + " experiment").put("responses", ok)));
        }
        if (service.equals("metrics")) {
            paths.put("/api/v1/brand-new-family", new JsonObject().put("get", new JsonObject()
                    .put("summary", "not routed yet").put("responses", ok)));
        }
        if (service.equals("campaign")) {
            paths.put("/webhooks/whatsapp", new JsonObject().put("post", new JsonObject()
                    .put("summary", "WhatsApp webhook").put("responses", ok)));
        }
        JsonObject page = new JsonObject().put("type", "object").put("description", service + " page")
                .put("properties", new JsonObject().put("items", new JsonObject().put("type", "array")));
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "ChatROI " + service).put("version", "1.0.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Page", page)
                        .put("UUID", new JsonObject().put("type", "string").put("format", "uuid"))));
    }
}
