package io.chatroi.campaigns.order;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhooks")
@Tag(name = "Shop webhooks", description = "Signed order webhooks from shops (Shopify, WooCommerce)")
public class ShopWebhookResource {

    private final ShopWebhookService service;

    public ShopWebhookResource(ShopWebhookService service) {
        this.service = service;
    }

    @POST
    @Path("/shopify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveShopifyWebhook", summary = "Receive a Shopify order webhook", description = "Topics orders/create, orders/paid,"
            + " orders/cancelled, orders/updated and refunds/create (X-Shopify-Topic). X-Shopify-Hmac-Sha256 (base64"
            + " HMAC-SHA256 of the raw body with SHOPIFY_WEBHOOK_SECRET) is required; X-Shopify-Webhook-Id makes a"
            + " retried delivery a no-op. The order is matched by phone and credited to a campaign; a paid order"
            + " becomes a won deal. 200 means stored. Public: no API key.")
    @APIResponse(responseCode = "200", description = "Stored (or a duplicate, or a topic that is ignored)")
    @APIResponse(responseCode = "400", description = "Not an order or refund payload; nothing stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing stored")
    public Uni<ShopDelivery> shopify(byte[] body, @HeaderParam("X-Shopify-Hmac-Sha256") String hmac,
                                     @HeaderParam("X-Shopify-Topic") String topic,
                                     @HeaderParam("X-Shopify-Webhook-Id") String webhookId) {
        return service.shopify(body, hmac, topic, webhookId);
    }

    @POST
    @Path("/woocommerce")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveWooCommerceWebhook", summary = "Receive a WooCommerce order webhook", description = "Topics"
            + " order.created, order.updated and order.restored (X-WC-Webhook-Topic); refunds arrive inside the order"
            + " and count once each by id. X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with"
            + " WOOCOMMERCE_WEBHOOK_SECRET) is required; X-WC-Webhook-Delivery-ID makes a retried delivery a no-op."
            + " WooCommerce's unsigned ping (webhook_id=N) is answered 200 and stores nothing. The order is matched and"
            + " credited as Shopify's are. 200 means stored. Public: no API key.")
    @APIResponse(responseCode = "200", description = "Stored (or a duplicate, the ping, or a topic that is ignored)")
    @APIResponse(responseCode = "400", description = "Not an order payload; nothing stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing stored")
    public Uni<ShopDelivery> woocommerce(byte[] body, @HeaderParam("X-WC-Webhook-Signature") String signature,
                                         @HeaderParam("X-WC-Webhook-Topic") String topic,
                                         @HeaderParam("X-WC-Webhook-Delivery-ID") String deliveryId) {
        return service.woocommerce(body, signature, topic, deliveryId);
    }
}
