package io.chatroi.campaigns.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Shopify's order webhooks: the signature is checked on the raw bytes before anything is parsed; the delivery id,
 * the order or refund and the credit are committed in one transaction, so 200 means stored and a retried delivery
 * is a no-op.
 */
@ApplicationScoped
public class ShopWebhookService {

    private final Optional<ShopSignature> shopify;
    private final Pool pool;
    private final OrderRepository repository;
    private final OrderService orders;
    private final ObjectMapper json;
    private final Clock clock;

    public ShopWebhookService(@ConfigProperty(name = "chatroi.shopify.webhook-secret") Optional<String> secret,
                              Pool pool, OrderRepository repository, OrderService orders, ObjectMapper json,
                              Clock clock) {
        this.shopify = secret.filter(s -> !s.isBlank()).map(ShopSignature::new);
        this.pool = pool;
        this.repository = repository;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
    }

    public Uni<ShopDelivery> shopify(byte[] body, String hmac, String topic, String webhookId) {
        ShopSignature verifier = shopify.orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "SHOPIFY_WEBHOOK_SECRET is not configured, so no Shopify delivery can be verified", null, null));
        if (!verifier.verify(body, hmac)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "X-Shopify-Hmac-Sha256 is missing or does not match the body", null, null);
        }
        JsonNode payload = parse(body);
        Instant now = clock.instant();
        String id = webhookId == null || webhookId.isBlank() ? null : webhookId.strip();
        return pool.withTransaction(tx -> (id == null ? Uni.createFrom().item(true)
                : repository.recordDelivery(tx, ShopifyPayloads.SOURCE, id, topic, now))
                .chain(first -> {
                    if (!first) {
                        return Uni.createFrom().item(new ShopDelivery(topic, "duplicate", true, null, null));
                    }
                    return switch (topic == null ? "" : topic) {
                        case "orders/create", "orders/paid", "orders/cancelled", "orders/updated" ->
                                ShopifyPayloads.order(payload, now).map(order -> orders.ingest(tx, order, now)
                                        .map(stored -> new ShopDelivery(topic, stored.created() ? "created" : "updated",
                                                false, stored.id().toString(), stored.credit())))
                                        .orElseThrow(() -> ProblemException.invalid("body",
                                                "an order needs id, total_price and a 3-letter currency"));
                        case "refunds/create" -> ShopifyPayloads.refund(payload, null, now)
                                .map(refund -> orders.refund(tx, refund, now).map(changed -> new ShopDelivery(topic,
                                        changed > 0 ? "refunded" : "refund kept until its order arrives", false,
                                        null, null)))
                                .orElseThrow(() -> ProblemException.invalid("body", "a refund needs id and order_id"));
                        default -> Uni.createFrom().item(new ShopDelivery(topic, "ignored", false, null, null));
                    };
                }));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
    }
}
