package io.chatroi.campaigns.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shops' order webhooks (Shopify, WooCommerce): the signature is checked on the raw bytes before anything is parsed;
 * the delivery id, the order or refund and the credit are committed in one transaction, so 200 means stored and a
 * retried delivery is a no-op.
 */
@ApplicationScoped
public class ShopWebhookService {

    private final Optional<ShopSignature> shopify;
    private final Optional<ShopSignature> woocommerce;
    private final Pool pool;
    private final OrderRepository repository;
    private final OrderService orders;
    private final ObjectMapper json;
    private final Clock clock;

    public ShopWebhookService(@ConfigProperty(name = "chatroi.shopify.webhook-secret") Optional<String> shopifySecret,
                              @ConfigProperty(name = "chatroi.woocommerce.webhook-secret")
                              Optional<String> woocommerceSecret,
                              Pool pool, OrderRepository repository, OrderService orders, ObjectMapper json,
                              Clock clock) {
        this.shopify = shopifySecret.filter(s -> !s.isBlank()).map(ShopSignature::new);
        this.woocommerce = woocommerceSecret.filter(s -> !s.isBlank()).map(ShopSignature::new);
        this.pool = pool;
        this.repository = repository;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
    }

    public Uni<ShopDelivery> shopify(byte[] body, String hmac, String topic, String webhookId) {
        JsonNode payload = verified(shopify, "SHOPIFY_WEBHOOK_SECRET", "X-Shopify-Hmac-Sha256", body, hmac);
        Instant now = clock.instant();
        return once(ShopifyPayloads.SOURCE, webhookId, topic, now, tx -> switch (topic == null ? "" : topic) {
            case "orders/create", "orders/paid", "orders/cancelled", "orders/updated" ->
                    ingest(tx, topic, ShopifyPayloads.order(payload, now), now);
            case "refunds/create" -> ShopifyPayloads.refund(payload, null, now)
                    .map(refund -> orders.refund(tx, refund, now).map(changed -> new ShopDelivery(topic,
                            changed > 0 ? "refunded" : "refund kept until its order arrives", false, null, null)))
                    .orElseThrow(() -> ProblemException.invalid("body", "a refund needs id and order_id"));
            default -> ignored(topic);
        });
    }

    /** WooCommerce's order.* topics; refunds arrive inside the order. Its unsigned ping is answered and not stored. */
    public Uni<ShopDelivery> woocommerce(byte[] body, String signature, String topic, String deliveryId) {
        if (WooCommercePayloads.isPing(body)) {
            return Uni.createFrom().item(new ShopDelivery("ping", "ignored", false, null, null));
        }
        JsonNode payload = verified(woocommerce, "WOOCOMMERCE_WEBHOOK_SECRET", "X-WC-Webhook-Signature", body,
                signature);
        Instant now = clock.instant();
        return once(WooCommercePayloads.SOURCE, deliveryId, topic, now, tx -> switch (topic == null ? "" : topic) {
            case "order.created", "order.updated", "order.restored" ->
                    ingest(tx, topic, WooCommercePayloads.order(payload, now), now);
            default -> ignored(topic);
        });
    }

    private JsonNode verified(Optional<ShopSignature> signature, String secretName, String header, byte[] body,
                              String value) {
        ShopSignature verifier = signature.orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                secretName + " is not configured, so no delivery can be verified", null, null));
        if (!verifier.verify(body, value)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, header + " is missing or does not match the body",
                    null, null);
        }
        return parse(body);
    }

    /** Runs {@code work} in one transaction with the delivery's id recorded first: a repeat is a no-op. */
    private Uni<ShopDelivery> once(String source, String deliveryId, String topic, Instant now,
                                   Function<SqlConnection, Uni<ShopDelivery>> work) {
        String id = deliveryId == null || deliveryId.isBlank() ? null : deliveryId.strip();
        return pool.withTransaction(tx -> (id == null ? Uni.createFrom().item(true)
                : repository.recordDelivery(tx, source, id, topic, now))
                .chain(first -> first ? work.apply(tx)
                        : Uni.createFrom().item(new ShopDelivery(topic, "duplicate", true, null, null))));
    }

    private Uni<ShopDelivery> ingest(SqlConnection tx, String topic, Optional<ShopOrder> order, Instant now) {
        return order.map(o -> orders.ingest(tx, o, now).map(stored -> new ShopDelivery(topic,
                        stored.created() ? "created" : "updated", false, stored.id().toString(), stored.credit())))
                .orElseThrow(() -> ProblemException.invalid("body",
                        "an order needs id, a total and a 3-letter currency"));
    }

    private static Uni<ShopDelivery> ignored(String topic) {
        return Uni.createFrom().item(new ShopDelivery(topic, "ignored", false, null, null));
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
