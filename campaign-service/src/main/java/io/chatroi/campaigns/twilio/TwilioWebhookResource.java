package io.chatroi.campaigns.twilio;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhooks/twilio")
@Tag(name = "Twilio webhook", description = "Signed status callbacks and inbound messages from Twilio")
public class TwilioWebhookResource {

    private final TwilioWebhookService service;

    public TwilioWebhookResource(TwilioWebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveTwilioWebhook", summary = "Receive a Twilio status callback or inbound WhatsApp message", description = "Form-encoded"
            + " as Twilio posts it. X-Twilio-Signature (base64 HMAC-SHA1 with TWILIO_AUTH_TOKEN over CHATROI_PUBLIC_URL"
            + " + /webhooks/twilio, its query, and every parameter sorted by name) is required. MessageStatus and"
            + " ErrorCode join the same receipt fold as Meta's; Body, ButtonPayload and media become inbound messages."
            + " 200 means stored; repeats are harmless. Public: no API key.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing stored")
    public Uni<TwilioDelivery> receive(MultivaluedMap<String, String> form, @QueryParam("send") String sendId,
                                       @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        return service.receive(form, uri.getRequestUri().getRawQuery(), sendId, signature);
    }
}
