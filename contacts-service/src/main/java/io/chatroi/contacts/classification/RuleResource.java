package io.chatroi.contacts.classification;

import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.web.Locations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/classification-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classification rules", description = "Trigger words and phrases that classify inbound messages (intent, interest, opt-out)")
public class RuleResource {

    private final RuleService service;

    public RuleResource(RuleService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listClassificationRules", summary = "List trigger rules", description = "Intent, interest and opt-out trigger phrases, system and custom.")
    public Uni<List<RuleView>> list(@QueryParam("kind") String kind) {
        return service.list(kind);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClassificationRule", summary = "Add a trigger rule", description = "Applies to inbound messages from now on.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "409", description = "The rule exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(RuleInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey).map(rule ->
                Response.created(Locations.of("/api/v1/classification-rules/", rule.id())).entity(rule).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteClassificationRule", summary = "Delete a custom trigger rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "System rules cannot be deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(ignored -> Response.noContent().build());
    }
}
