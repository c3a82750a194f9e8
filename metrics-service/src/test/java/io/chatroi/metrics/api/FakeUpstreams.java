package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for the sync listings of contacts-service (contacts, deals, interactions, contact
 * merges, see {@link #merge}; ad referrals) and
 * campaign-service (campaigns, sends): the same paths, {@code updatedAfter}/{@code after}/{@code limit} paging by
 * (updatedAt, id) and {@code {items, nextCursor}} pages. Tests add items; each gets a fresh, increasing updatedAt.
 * campaign-service's account-health events ({@link #ACCOUNT_EVENTS}) are listed as it lists them: newest first,
 * since {@code from}.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final Map<String, List<JsonObject>> STREAMS = new ConcurrentHashMap<>();
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final List<JsonObject> ACCOUNT_EVENTS = new CopyOnWriteArrayList<>();
    /** Per stream: how many more pages answer before every call fails with 503 (absent: never fails). */
    static final Map<String, Integer> FAIL_AFTER = new ConcurrentHashMap<>();
    private static final AtomicLong CLOCK = new AtomicLong(Instant.now().toEpochMilli() * 1000);

    private Vertx vertx;

    /** Adds (or replaces, by id) an item of a stream with a new updatedAt. */
    static synchronized JsonObject put(String stream, JsonObject item) {
        if (item.getString("id") == null) {
            item.put("id", UUID.randomUUID().toString());
        }
        long micros = CLOCK.incrementAndGet();
        item.put("updatedAt", Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString());
        if (item.getString("createdAt") == null) {
            item.put("createdAt", item.getString("updatedAt"));
        }
        List<JsonObject> items = STREAMS.computeIfAbsent(stream, s -> new CopyOnWriteArrayList<>());
        items.removeIf(existing -> existing.getString("id").equals(item.getString("id")));
        items.add(item);
        return item;
    }

    /** contacts-service merged {@code absorbed} into {@code survivor} now (its feed names them as such). */
    static void merge(String absorbed, String survivor) {
        JsonObject item = put("contact-merges", new JsonObject().put("id", absorbed).put("absorbedId", absorbed)
                .put("survivorId", survivor));
        item.put("mergedAt", item.getString("updatedAt"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("chatroi.upstream.contacts-service.url", url, "chatroi.upstream.campaign-service.url", url);
    }

    private void handle(HttpServerRequest request) {
        String token = request.getHeader("X-ChatROI-Internal-Token");
        TOKENS.add(token == null ? "" : token);
        String stream = request.path().replaceFirst("^/api/v1/", "");
        if (stream.equals("account-events")) {
            Instant from = Instant.parse(request.getParam("from", Instant.EPOCH.toString()));
            JsonArray events = new JsonArray();
            ACCOUNT_EVENTS.stream().filter(e -> !Instant.parse(e.getString("at")).isBefore(from))
                    .sorted(Comparator.comparing((JsonObject e) -> Instant.parse(e.getString("at"))).reversed())
                    .forEach(events::add);
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("items", events).putNull("nextCursor").encode());
            return;
        }
        if (!List.of("contacts", "deals", "interactions", "campaigns", "sends", "conversations/resolutions",
                "contact-merges", "ad-referrals")
                .contains(stream)) {
            request.response().setStatusCode(404).end();
            return;
        }
        Integer remaining = FAIL_AFTER.computeIfPresent(stream, (k, n) -> n - 1);
        if (remaining != null && remaining < 0) {
            request.response().setStatusCode(503).end("down for the test");
            return;
        }
        Instant updatedAfter = Instant.parse(request.getParam("updatedAfter", Instant.EPOCH.toString()));
        int limit = Integer.parseInt(request.getParam("limit", "50"));
        String after = request.getParam("after");
        List<JsonObject> matching = new ArrayList<>(STREAMS.getOrDefault(stream, List.of()).stream()
                .filter(i -> Instant.parse(i.getString("updatedAt")).isAfter(updatedAfter))
                .filter(i -> after == null || key(i).compareTo(after) > 0)
                .sorted(Comparator.comparing(FakeUpstreams::key)).toList());
        JsonArray items = new JsonArray();
        matching.stream().limit(limit).forEach(items::add);
        String next = matching.size() > limit ? key(matching.get(limit - 1)) : null;
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("items", items).put("nextCursor", next).encode());
    }

    /** Sortable (updatedAt, id): updatedAt strings here always carry 6 fraction digits or none consistently. */
    private static String key(JsonObject item) {
        Instant at = Instant.parse(item.getString("updatedAt"));
        return String.format("%020d|%s", at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, item.getString("id"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
