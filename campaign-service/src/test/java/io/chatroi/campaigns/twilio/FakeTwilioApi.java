package io.chatroi.campaigns.twilio;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Twilio's Messages API (a real HTTP server): checks basic auth with the account SID and auth
 * token and the form fields, answers 201 with a message sid as Twilio does, and switches this test's campaign-service
 * to the twilio provider pointed at it.
 */
public class FakeTwilioApi implements QuarkusTestResourceLifecycleManager {

    public static final String SID = "ACtest";
    public static final String TOKEN = "test-twilio-token";
    /** Every accepted form, with the message sid it was given under "Sid". */
    public static final List<Map<String, String>> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final AtomicLong IDS = new AtomicLong();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String auth = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            request.setExpectMultipart(true);
            request.endHandler(ignored -> {
                MultiMap form = request.formAttributes();
                if (!request.path().equals("/2010-04-01/Accounts/" + SID + "/Messages.json")
                        || !auth.equals(request.getHeader("Authorization"))) {
                    request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("code", 20003).put("message", "Authenticate").put("status", 401)
                                    .encode());
                    return;
                }
                if (form.get("To") == null || !form.get("To").startsWith("whatsapp:+") || form.get("ContentSid") == null) {
                    request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("code", 21211).put("message", "Invalid 'To' Phone Number")
                                    .put("status", 400).encode());
                    return;
                }
                String sid = "SM" + String.format("%032x", IDS.incrementAndGet());
                Map<String, String> copy = new java.util.HashMap<>();
                form.forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
                copy.put("Sid", sid);
                ACCEPTED.add(copy);
                request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("sid", sid).put("status", "queued").put("to", form.get("To"))
                                .put("from", form.get("From")).put("account_sid", SID).encode());
            });
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("chatroi.campaigns.provider", "twilio",
                "chatroi.twilio.api-url", "http://127.0.0.1:" + server.actualPort(),
                "chatroi.twilio.account-sid", SID, "chatroi.twilio.auth-token", TOKEN,
                "chatroi.twilio.from", "whatsapp:+15550001111",
                "chatroi.links.public-url", "https://chatroi.example.com");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
