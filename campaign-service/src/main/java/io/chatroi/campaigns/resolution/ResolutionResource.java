package io.chatroi.campaigns.resolution;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.QueryInstants;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/conversations/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversation resolutions", description = "An agent's or integrator's explicit act of resolving a"
        + " contact's conversation; resolution times are measured up to it")
public class ResolutionResource {

    private final ResolutionService service;

    public ResolutionResource(ResolutionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createConversationResolution", summary = "Resolve a conversation",
            description = "Marks the contact's conversation resolved at `at` (default now) by `by`. Give contactId or"
                    + " phone. An agent resolves only its own contacts' conversations (another owner's contact is"
                    + " unknown to it) and is `by` when it names nobody. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resolution.class)))
    @APIResponse(responseCode = "400", description = "No or an unknown contact, a bad phone, a future at, no by")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Uni<Response> resolve(ResolutionInput input,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                                 @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        return service.resolve(input, idempotencyKey, role, owner).map(resolution -> Response
                .created(URI.create("/api/v1/conversations/resolutions/" + resolution.id())).entity(resolution)
                .build());
    }

    @GET
    @Operation(operationId = "listConversationResolutions", summary = "Resolutions changed since an instant",
            description = "Every resolution with updatedAt after updatedAfter, by (updatedAt, id), for incremental"
                    + " sync.")
    @APIResponse(responseCode = "200", description = "A page of resolutions", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResolutionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid updatedAfter, limit or cursor")
    public Uni<Page<Resolution>> changed(@QueryParam("updatedAfter") String updatedAfter,
                                         @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.changed(QueryInstants.parse(updatedAfter, "updatedAfter"), after, PageLimit.of(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConversationResolution", summary = "One resolution")
    @APIResponse(responseCode = "200", description = "The resolution", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resolution.class)))
    @APIResponse(responseCode = "404", description = "No such resolution")
    public Uni<Resolution> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** How {@code Page<Resolution>} looks on the wire (generic types have no schema of their own). */
    @Schema(name = "ConversationResolutionPage", requiredProperties = {"items", "nextCursor"})
    record ResolutionPage(java.util.List<Resolution> items,
                          @Schema(nullable = true, description = "pass as after for the next page") String nextCursor) {
    }
}
