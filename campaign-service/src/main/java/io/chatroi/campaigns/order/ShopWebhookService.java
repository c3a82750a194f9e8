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
 * the delivery id, the order or refund and the credit are committed together (an order in one statement, a refund
 * or an ignored topic in one transaction), so 200 means stored and a retried delivery is a no-op.
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
        return switch (topic == null ? "" : topic) {
            case "orders/create", "orders/paid", "orders/cancelled", "orders/updated" ->
                    ingest(webhookId, topic, ShopifyPayloads.order(payload, now), now);
            case "refunds/create" -> {
                ShopOrder.Refund refund = ShopifyPayloads.refund(payload, null, now)
                        .orElseThrow(() -> ProblemException.invalid("body", "a refund needs id and order_id"));
                yield once(ShopifyPayloads.SOURCE, webhookId, topic, now, tx -> orders.refund(tx, refund, now)
                        .map(changed -> new ShopDelivery(topic,
                                changed > 0 ? "refunded" : "refund kept until its order arrives", false, null, null)));
            }
            default -> once(ShopifyPayloads.SOURCE, webhookId, topic, now, tx -> ignored(topic));
        };
    }

    /** WooCommerce's order.* topics; refunds arrive inside the order. Its unsigned ping is answered and not stored. */
    public Uni<ShopDelivery> woocommerce(byte[] body, String signature, String topic, String deliveryId) {
        if (WooCommercePayloads.isPing(body)) {
            return Uni.createFrom().item(new ShopDelivery("ping", "ignored", false, null, null));
        }
        JsonNode payload = verified(woocommerce, "WOOCOMMERCE_WEBHOOK_SECRET", "X-WC-Webhook-Signature", body,
                signature);
        Instant now = clock.instant();
        return switch (topic == null ? "" : topic) {
            case "order.created", "order.updated", "order.restored" ->
                    ingest(deliveryId, topic, WooCommercePayloads.order(payload, now), now);
            default -> once(WooCommercePayloads.SOURCE, deliveryId, topic, now, tx -> ignored(topic));
        };
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
        String id = deliveryId(deliveryId);
        return pool.withTransaction(tx -> (id == null ? Uni.createFrom().item(true)
                : repository.recordDelivery(tx, source, id, topic, now))
                .chain(first -> first ? work.apply(tx) : Uni.createFrom().item(duplicate(topic))));
    }

    private static String deliveryId(String header) {
        return header == null || header.isBlank() ? null : header.strip();
    }

    private static ShopDelivery duplicate(String topic) {
        return new ShopDelivery(topic, "duplicate", true, null, null);
    }

    /** An order topic: the delivery id, the refunds, the credit and the order in one statement, no transaction. */
    private Uni<ShopDelivery> ingest(String deliveryId, String topic, Optional<ShopOrder> order, Instant now) {
        ShopOrder valid = order.orElseThrow(() -> ProblemException.invalid("body",
                "an order needs id, a total and a 3-letter currency"));
        return orders.ingestDelivery(pool, deliveryId(deliveryId), topic, valid, now).map(stored -> stored
                .map(s -> new ShopDelivery(topic, s.created() ? "created" : "updated", false, s.id().toString(),
                        s.credit()))
                .orElseGet(() -> duplicate(topic)));
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
