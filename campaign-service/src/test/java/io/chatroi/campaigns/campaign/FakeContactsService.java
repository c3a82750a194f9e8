package io.chatroi.campaigns.campaign;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for contacts-service's audience endpoints (the same paths, paging and problem
 * answers), so campaign-service's client, paging and error mapping run for real. The end-to-end test of the
 * gateway issue runs against the real service.
 */
public class FakeContactsService implements QuarkusTestResourceLifecycleManager {

    public static final int CONTACTS = 1_250;
    /** Every third contact is tagged vip. */
    public static final int VIP = (CONTACTS + 2) / 3;
    public static final UUID SEGMENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    /** A contact whose lookup always fails with 500, as when contacts-service is broken. */
    public static final UUID BROKEN_CONTACT = UUID.fromString("00000000-0000-0000-0000-0000000000de");
    /**
     * An audience filter tag whose one member is a WhatsApp user known by username alone: no phone, only a
     * business-scoped user id (Meta's documented example BSUID).
     */
    public static final String USERNAME_TAG = "usernames";
    public static final UUID USERNAME_CONTACT = new UUID(0x5EED, 9001);
    public static final String USERNAME_BSUID = "US.13491208655302741918";
    /**
     * Two audiences for merges: {@link #MERGE_PAIR_TAG} holds a phone contact and a username-only contact (one
     * person, merged later in contacts-service), {@link #MERGE_USERNAME_TAG} the username-only one alone.
     */
    public static final String MERGE_PAIR_TAG = "merge-pair";
    public static final String MERGE_USERNAME_TAG = "merge-username";
    public static final UUID MERGE_PHONE_CONTACT = new UUID(0x5EED, 9101);
    public static final UUID MERGE_USERNAME_CONTACT = new UUID(0x5EED, 9102);
    /** The merges contacts-service's feed lists, oldest first (tests add to it). */
    public static final List<JsonObject> MERGES = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** An audience filter tag whose first page request fails with 503 once, then works. */
    public static final String FLAKY_TAG = "flaky";
    private static final java.util.concurrent.atomic.AtomicInteger FLAKY_FAILURES_LEFT =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The next audience page with {@link #FLAKY_TAG} fails once with 503. */
    public static void failNextFlakyPage() {
        FLAKY_FAILURES_LEFT.set(1);
    }

    public static int flakyFailuresLeft() {
        return FLAKY_FAILURES_LEFT.get();
    }

    private Vertx vertx;
    private HttpServer server;

    public static UUID contactId(int i) {
        return new UUID(0x5EED, i);
    }

    public static String phoneOf(int i) {
        return "+49301" + (1_000_000 + i);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("chatroi.upstream.contacts-service.url", "http://127.0.0.1:" + server.actualPort());
    }

    /** Identity changes posted to contacts-service, in arrival order. */
    public static final List<JsonObject> IDENTITY_CHANGES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Interactions posted to the bulk endpoint, in arrival order. */
    public static final List<JsonObject> INTERACTIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Per request: method, path and the request id it carried (what a sibling sees of campaign-service's calls). */
    public static final List<JsonObject> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A contact whose lookups answer 503 for as long as {@link #FAILING_LEFT} is positive, counting down. */
    public static final UUID FAILING_CONTACT = UUID.fromString("00000000-0000-0000-0000-0000000000fa");
    public static final java.util.concurrent.atomic.AtomicInteger FAILING_LEFT =
            new java.util.concurrent.atomic.AtomicInteger();
    /** An order whose order-deals call answers 503. */
    public static final String FAILING_ORDER = "fails-with-503";

    private void handle(HttpServerRequest request) {
        String path = request.path();
        SEEN.add(new JsonObject().put("method", request.method().name()).put("path", path)
                .put("requestId", request.getHeader("X-Request-Id")));
        if (path.equals("/api/v1/contacts/" + FAILING_CONTACT)) {
            if (FAILING_LEFT.getAndDecrement() > 0) {
                problem(request, 503, new JsonObject().put("status", 503).put("detail", "restarting"));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("id", FAILING_CONTACT.toString()).put("phone", "+4930199990250").encode());
            }
            return;
        }
        if (path.equals("/api/v1/interactions") && request.method().name().equals("POST")) {
            request.body().onSuccess(buffer -> {
                JsonArray items = buffer.toJsonObject().getJsonArray("items");
                items.forEach(item -> INTERACTIONS.add((JsonObject) item));
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("accepted", items.size()).put("duplicates", 0).put("contactsCreated", 0)
                        .put("rejected", new JsonArray()).encode());
            });
            return;
        }
        if (path.equals("/api/v1/identity-changes") && request.method().name().equals("POST")) {
            request.body().onSuccess(buffer -> {
                JsonArray items = buffer.toJsonObject().getJsonArray("items");
                JsonArray outcomes = new JsonArray();
                for (int i = 0; i < items.size(); i++) {
                    IDENTITY_CHANGES.add(items.getJsonObject(i));
                    outcomes.add(new JsonObject().put("index", i).put("outcome", "changed").putNull("contactId"));
                }
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("items", outcomes).put("rejected", new JsonArray()).encode());
            });
            return;
        }
        if (path.equals("/api/v1/contact-merges") && request.method().name().equals("GET")) {
            // the whole feed in one page: the cursor logic is contacts-service's and tested there
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("items", new JsonArray(new ArrayList<>(MERGES))).putNull("nextCursor").encode());
            return;
        }
        if (path.equals("/api/v1/order-deals") && request.method().name().equals("POST")) {
            request.body().onSuccess(buffer -> {
                if (buffer.toString().contains(FAILING_ORDER)) {
                    problem(request, 503, new JsonObject().put("status", 503).put("detail", "restarting"));
                    return;
                }
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("items", orderDeals(buffer.toJsonObject().getJsonArray("items")))
                                .encode());
            });
            return;
        }
        if (path.equals("/api/v1/contacts/audience")) {
            for (String name : request.params().names()) {
                if (!List.of("limit", "after", "tagsAll").contains(name)) { // flaky is a tagsAll value
                    problem(request, 400, new JsonObject().put("type", "https://chatroi.io/problems/validation")
                            .put("status", 400).put("detail", name + ": is not a filter field")
                            .put("errors", new JsonArray().add(new JsonObject().put("field", name)
                                    .put("message", "is not a filter field"))));
                    return;
                }
            }
            if (FLAKY_TAG.equals(request.getParam("tagsAll")) && FLAKY_FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                problem(request, 503, new JsonObject().put("status", 503).put("detail", "restarting"));
                return;
            }
            if (MERGE_PAIR_TAG.equals(request.getParam("tagsAll"))
                    || MERGE_USERNAME_TAG.equals(request.getParam("tagsAll"))) {
                JsonArray items = new JsonArray();
                if (MERGE_PAIR_TAG.equals(request.getParam("tagsAll"))) {
                    items.add(new JsonObject().put("id", MERGE_PHONE_CONTACT.toString()).put("phone", "+4930199991101"));
                }
                items.add(new JsonObject().put("id", MERGE_USERNAME_CONTACT.toString()).putNull("phone")
                        .put("whatsappUserId", "US.9102"));
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("items", items).putNull("nextCursor").encode());
                return;
            }
            if (USERNAME_TAG.equals(request.getParam("tagsAll"))) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("items", new JsonArray().add(new JsonObject().put("id", USERNAME_CONTACT.toString())
                                .putNull("phone").put("whatsappUserId", USERNAME_BSUID)))
                        .putNull("nextCursor").encode());
                return;
            }
            page(request, "vip".equals(request.getParam("tagsAll")));
        } else if (path.equals("/api/v1/send-eligibility")) {
            request.body().onSuccess(buffer -> {
                JsonArray answers = new JsonArray();
                buffer.toJsonObject().getJsonArray("contactIds")
                        .forEach(id -> answers.add(eligibility(UUID.fromString((String) id))));
                request.response().putHeader("Content-Type", "application/json").end(answers.encode());
            });
        } else if (path.equals("/api/v1/contacts/" + BROKEN_CONTACT)) {
            problem(request, 500, new JsonObject().put("status", 500).put("detail", "broken"));
        } else if (path.equals("/api/v1/contacts/" + USERNAME_CONTACT)) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("id", USERNAME_CONTACT.toString()).putNull("phone").put("whatsappUserId", USERNAME_BSUID)
                    .encode());
        } else if (path.startsWith("/api/v1/contacts/") && request.method().name().equals("GET")
                && path.substring("/api/v1/contacts/".length()).startsWith("00000000-0000-5eed-")) {
            contact(request, (int) UUID.fromString(path.substring("/api/v1/contacts/".length()))
                    .getLeastSignificantBits());
        } else if (path.equals("/api/v1/contacts/lookup") && request.getParam("phone") != null
                && request.getParam("phone").startsWith("+49301")) {
            int i = Integer.parseInt(request.getParam("phone").substring(6)) - 1_000_000;
            if (i >= 0 && i < CONTACTS) {
                contact(request, i);
            } else {
                problem(request, 404, new JsonObject().put("status", 404).put("detail", "not found"));
            }
        } else if (path.equals("/api/v1/segments/" + SEGMENT + "/audience")) {
            page(request, false);
        } else {
            problem(request, 404, new JsonObject().put("status", 404).put("detail", "not found"));
        }
    }

    /** Contact i's owner: alice for even i, bob for odd i. */
    public static String ownerOf(int i) {
        return i % 2 == 0 ? "alice" : "bob";
    }

    /** One contact, as contacts-service's agent scope shows it: another owner's contact is a 404 to an agent. */
    private static void contact(HttpServerRequest request, int i) {
        if ("agent".equals(request.getHeader("X-ChatROI-Role"))
                && !ownerOf(i).equals(request.getHeader("X-ChatROI-Owner"))) {
            problem(request, 404, new JsonObject().put("status", 404).put("detail", "not found"));
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("id", contactId(i).toString()).put("phone", phoneOf(i)).put("owner", ownerOf(i)).encode());
    }

    /** Orders forwarded to the order-deals endpoint, in arrival order (repeats included). */
    public static final List<JsonObject> ORDER_DEALS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Matches an order by its phones against the fake contacts; a paid order with revenue gets a deal. */
    private static JsonArray orderDeals(JsonArray items) {
        JsonArray answers = new JsonArray();
        for (Object value : items) {
            JsonObject item = (JsonObject) value;
            ORDER_DEALS.add(item);
            UUID contact = null;
            for (Object phone : item.getJsonArray("phones")) {
                String p = (String) phone;
                if (p.startsWith("+49301")) {
                    int i = Integer.parseInt(p.substring(6)) - 1_000_000;
                    if (i >= 0 && i < CONTACTS) {
                        contact = contactId(i);
                        break;
                    }
                }
            }
            boolean won = "paid".equals(item.getString("status"))
                    && new java.math.BigDecimal(item.getString("revenue")).signum() > 0;
            answers.add(new JsonObject().put("source", item.getString("source"))
                    .put("externalId", item.getString("externalId"))
                    .put("contactId", contact == null ? null : contact.toString())
                    .put("dealId", contact == null || !won ? null : UUID.nameUUIDFromBytes((item.getString("source")
                            + ":" + item.getString("externalId")).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .toString()));
        }
        return answers;
    }

    /** Contact i: i % 7 == 1 opted out, i % 7 == 2 outside its window until two hours from now, else allowed. */
    public static String eligibilityOf(int i) {
        return i % 7 == 1 ? "opted_out" : i % 7 == 2 ? "outside_window" : "allowed";
    }

    private static JsonObject eligibility(UUID contactId) {
        int i = (int) contactId.getLeastSignificantBits();
        String verdict = eligibilityOf(i);
        JsonObject body = new JsonObject().put("contactId", contactId.toString()).put("allowed", verdict.equals("allowed"));
        if (!verdict.equals("allowed")) {
            body.put("reason", verdict).put("nextAllowedAt", verdict.equals("opted_out") ? null
                    : java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString());
        }
        return body;
    }

    private static void page(HttpServerRequest request, boolean vipOnly) {
        int limit = Integer.parseInt(request.getParam("limit", "50"));
        int from = request.getParam("after") == null ? 0 : Integer.parseInt(request.getParam("after"));
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            if (!vipOnly || i % 3 == 0) {
                matching.add(i);
            }
        }
        JsonArray items = new JsonArray();
        int end = Math.min(matching.size(), from + limit);
        for (int k = from; k < end; k++) {
            int i = matching.get(k);
            items.add(new JsonObject().put("id", contactId(i).toString()).put("phone", phoneOf(i)));
        }
        JsonObject body = new JsonObject().put("items", items)
                .put("nextCursor", end < matching.size() ? String.valueOf(end) : null);
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
