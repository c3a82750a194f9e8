package io.chatroi.campaigns.dispatch;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server speaking the WhatsApp Cloud API send shape (docs/whatsapp.md), standing in for Meta. Recipients
 * whose number ends in 3 at position i % 50 == 3 are undeliverable (131026, final); i % 50 == 4 hit the throughput
 * limit (130429, retryable); everything else is accepted. A send with no phone ("to") but a business-scoped user id
 * ("recipient") is accepted and answered as Meta documents it (contacts[].user_id, no wa_id). Every accepted call
 * is recorded.
 */
public class FakeGraphApi implements QuarkusTestResourceLifecycleManager {

    public static final List<JsonObject> ACCEPTED = new CopyOnWriteArrayList<>();
    public static final Map<String, Integer> CALLS_PER_RECIPIENT = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private Vertx vertx;

    /** The fake contact index behind a phone of FakeContactsService. */
    public static int indexOf(String phone) {
        return Integer.parseInt(phone.substring("+49301".length())) - 1_000_000;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            if (!request.path().equals("/v23.0/TEST_PNID/messages")
                    || !"Bearer test-access-token".equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end(new JsonObject().put("error",
                        new JsonObject().put("code", 190).put("message", "Invalid OAuth access token")).encode());
                return;
            }
            JsonObject body = buffer.toJsonObject();
            String to = body.getString("to");
            if (to == null && body.getString("recipient") != null) {
                ACCEPTED.add(body);
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("messaging_product", "whatsapp")
                        .put("contacts", new JsonArray().add(new JsonObject().put("input", body.getString("recipient"))
                                .put("user_id", body.getString("recipient"))))
                        .put("messages", new JsonArray().add(new JsonObject().put("id", "wamid.FAKE" + IDS.incrementAndGet())
                                .put("message_status", "accepted"))).encode());
                return;
            }
            CALLS_PER_RECIPIENT.merge(to, 1, Integer::sum);
            int i = indexOf(to);
            if (i % 50 == 3) {
                request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", new JsonObject().put("code", 131026)
                                .put("message", "Message undeliverable")).encode());
            } else if (i % 50 == 4) {
                request.response().setStatusCode(429).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", new JsonObject().put("code", 130429)
                                .put("message", "Rate limit hit")).encode());
            } else {
                ACCEPTED.add(body);
                String id = "wamid.FAKE" + IDS.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("messaging_product", "whatsapp")
                        .put("contacts", new JsonArray().add(new JsonObject().put("input", to).put("wa_id", to.substring(1))))
                        .put("messages", new JsonArray().add(new JsonObject().put("id", id)
                                .put("message_status", "accepted"))).encode());
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("chatroi.whatsapp.graph-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
