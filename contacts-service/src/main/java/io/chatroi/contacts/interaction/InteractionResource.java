package io.chatroi.contacts.interaction;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.web.Caller;
import io.chatroi.contacts.web.Locations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/contacts/{id}/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions", description = "Messages exchanged with contacts, classified as they arrive")
public class InteractionResource {

    private final InteractionService service;

    public InteractionResource(InteractionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContactInteraction", summary = "Record a message with a contact", description = "Inbound text is classified (intent,"
            + " interest, opt-out words such as STOP or 退订) and the contact's tags and tiers update at once."
            + " With an externalId, recording the same message again changes nothing (200, duplicate true).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionResult.class)))
    @APIResponse(responseCode = "200", description = "Already recorded (same externalId)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionResult.class)))
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> record(@PathParam("id") UUID contactId, InteractionInput input,
                                @HeaderParam(Caller.KEY_ID_HEADER) String keyId,
                                @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.record(contactId, input, Caller.of(keyId), idempotencyKey).map(result -> result.duplicate()
                ? Response.ok(result).build()
                : Response.created(Locations.of("/api/v1/contacts/" + contactId + "/interactions/", result.id()))
                .entity(result).build());
    }

    @GET
    @Operation(operationId = "listContactInteractions", summary = "List a contact's interactions", description = "Newest first.")
    public Uni<Page<Interaction>> list(@PathParam("id") UUID contactId, @QueryParam("limit") Integer limit,
                                       @QueryParam("after") String after) {
        return service.list(contactId, after, PageLimit.of(limit));
    }
}
