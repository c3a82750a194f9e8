package io.chatroi.campaigns.provider;

import io.chatroi.campaigns.webhook.WebhookSignature;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stand-in for WhatsApp for demos: accepts every send, then, after realistic delays, posts Meta-shaped, signed
 * status updates (sent, delivered, read, or failed) and sometimes an inbound reply or a STOP to the service's own
 * webhook, so a demo campaign produces a believable funnel through the real ingestion path.
 */
public class SimulatedProvider implements MessageProvider {

    private static final Logger LOG = Logger.getLogger(SimulatedProvider.class);
    private static final List<String> REPLIES = List.of("How much for 500 units?", "Thanks!", "What is the warranty?",
            "多少钱？", "有优惠吗", "ok", "Not now, thanks");

    /** Probabilities of each outcome, applied in order (failed, then delivered, read, reply, stop, click). */
    public record Rates(double failed, double delivered, double read, double reply, double stop, double click) {
    }

    private final Vertx vertx;
    private final WebClient client;
    private final WebhookSignature signature;
    private final SimulatedSettings settings;
    private final Clock clock;

    public SimulatedProvider(Vertx vertx, String appSecret, SimulatedSettings settings, Clock clock) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.signature = new WebhookSignature(appSecret);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Uni<String> send(OutboundMessage message) {
        String id = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Rates rates = settings.ratesFor(message.to());
        String waId = message.to().replace("+", "");
        long now = clock.instant().getEpochSecond();
        later(300 + random.nextInt(700), status(id, waId, "sent", now, message.sendId(), null));
        if (random.nextDouble() < rates.failed()) {
            later(1_000 + random.nextInt(2_000), status(id, waId, "failed", now + 2, message.sendId(),
                    new JsonArray().add(new JsonObject().put("code", 131026).put("title", "Message undeliverable"))));
            return Uni.createFrom().item(id);
        }
        if (random.nextDouble() < rates.delivered()) {
            JsonObject delivered = status(id, waId, "delivered", now + 2, message.sendId(), null);
            delivered.put("pricing", new JsonObject().put("billable", !"service".equals(message.category()))
                    .put("pricing_model", "PMP").put("type", "regular").put("category", message.category()));
            later(1_000 + random.nextInt(3_000), delivered);
            if (random.nextDouble() < rates.read()) {
                later(4_000 + random.nextInt(20_000), status(id, waId, "read", now + 30, message.sendId(), null));
                if (!message.links().isEmpty() && random.nextDouble() < rates.click()) {
                    OutboundMessage.Link link = message.links().get(random.nextInt(message.links().size()));
                    click(8_000 + random.nextInt(20_000), link);
                    if (random.nextDouble() < 0.3) {
                        click(40_000 + random.nextInt(60_000), link);
                    }
                }
                if (random.nextDouble() < rates.reply()) {
                    String text = random.nextDouble() < rates.stop() ? "STOP" : REPLIES.get(random.nextInt(REPLIES.size()));
                    laterMessage(10_000 + random.nextInt(30_000), waId, id, text, now + 60);
                }
            }
        }
        return Uni.createFrom().item(id);
    }

    private static JsonObject status(String id, String waId, String status, long ts, UUID sendId, JsonArray errors) {
        JsonObject value = new JsonObject().put("id", id).put("status", status).put("timestamp", String.valueOf(ts))
                .put("recipient_id", waId).put("biz_opaque_callback_data", sendId.toString());
        if (errors != null) {
            value.put("errors", errors);
        }
        return value;
    }

    private void later(long millis, JsonObject status) {
        vertx.setTimer(millis, ignored -> post(new JsonObject().put("statuses", new JsonArray().add(status))));
    }

    private void laterMessage(long millis, String waId, String context, String text, long ts) {
        JsonObject message = new JsonObject().put("from", waId).put("id", "wamid.SIMIN" + UUID.randomUUID())
                .put("timestamp", String.valueOf(ts)).put("type", "text")
                .put("text", new JsonObject().put("body", text))
                .put("context", new JsonObject().put("from", "15550000000").put("id", context));
        JsonObject value = new JsonObject().put("contacts", new JsonArray().add(new JsonObject().put("wa_id", waId)
                .put("profile", new JsonObject().put("name", "Simulated " + waId.substring(Math.max(0, waId.length() - 4))))))
                .put("messages", new JsonArray().add(message));
        vertx.setTimer(millis, ignored -> post(value));
    }

    /** Opens a tracked link the way a recipient's phone would: through this service's own /r/{code}. */
    private void click(long millis, OutboundMessage.Link link) {
        vertx.setTimer(millis, ignored -> client.getAbs(settings.linksUrl().replaceAll("/+$", "") + "/r/" + link.code())
                .followRedirects(false).putHeader("User-Agent", "ChatROI simulated recipient").send()
                .subscribe().with(response -> {
                    if (response.statusCode() != 302) {
                        LOG.warnf("Simulated click answered %d", response.statusCode());
                    }
                }, failure -> LOG.warnf("Simulated click failed: %s", failure.getMessage())));
    }

    private void post(JsonObject value) {
        value.put("messaging_product", "whatsapp").put("metadata", new JsonObject()
                .put("display_phone_number", "15550000000").put("phone_number_id", "SIMULATED"));
        JsonObject envelope = new JsonObject().put("object", "whatsapp_business_account")
                .put("entry", new JsonArray().add(new JsonObject().put("id", "SIMULATED")
                        .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))));
        byte[] body = envelope.encode().getBytes(StandardCharsets.UTF_8);
        client.postAbs(settings.webhookUrl()).putHeader("Content-Type", "application/json")
                .putHeader("X-Hub-Signature-256", signature.sign(body))
                .sendBuffer(Buffer.buffer(body))
                .subscribe().with(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("Simulated webhook answered %d", response.statusCode());
                    }
                }, failure -> LOG.warnf("Simulated webhook post failed: %s", failure.getMessage()));
    }
}
