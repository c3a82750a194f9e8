package io.chatroi.campaigns.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/webhooks/whatsapp")
@Tag(name = "WhatsApp webhook", description = "Meta's webhook: verification handshake and signed deliveries (no API key)")
public class WebhookResource {

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "verifyWhatsAppWebhook", summary = "Meta's verification handshake", description = "Echoes hub.challenge when hub.verify_token"
            + " matches WHATSAPP_VERIFY_TOKEN.")
    @APIResponse(responseCode = "200", description = "The challenge")
    @APIResponse(responseCode = "403", description = "Wrong mode or token")
    public String handshake(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                            @QueryParam("hub.challenge") String challenge) {
        return service.handshake(mode, token, challenge);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveWhatsAppWebhook", summary = "Receive a webhook delivery", description = "Statuses, inbound messages, user_preferences,"
            + " errors, template status, phone number quality and account updates, any number per delivery."
            + " X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the"
            + " app secret) is required. 200 means the whole delivery is stored; replays are harmless.")
    @RequestBody(required = true, description = "Meta's webhook payload as sent (object whatsapp_business_account)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing stored")
    public Uni<Map<String, Integer>> receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        return service.receive(body, signature).map(batch -> Map.of("statuses", batch.receipts().size(),
                "messages", batch.messages().size(), "preferences", batch.preferences().size(),
                "errors", batch.errors().size(), "accountEvents", batch.healthEvents().size()));
    }
}
