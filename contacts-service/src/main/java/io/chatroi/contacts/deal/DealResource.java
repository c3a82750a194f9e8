package io.chatroi.contacts.deal;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.QueryInstants;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.contacts.web.AgentScope;
import io.chatroi.contacts.web.Locations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/deals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Sales opportunities of a contact, from inquiry to won or lost")
public class DealResource {

    private final DealService service;
    private final AgentScope agentScope;

    public DealResource(DealService service, AgentScope agentScope) {
        this.service = service;
        this.agentScope = agentScope;
    }

    @GET
    @Operation(operationId = "listDeals", summary = "List deals", description = "Newest first; with updatedAfter, ordered by (updatedAt, id) for sync.")
    public Uni<Page<Deal>> list(@QueryParam("contactId") UUID contactId, @QueryParam("owner") String owner,
                                @QueryParam("stage") String stage, @QueryParam("updatedAfter") String updatedAfter,
                                @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.list(contactId, owner, stage, QueryInstants.parse(updatedAfter, "updatedAfter"), after, PageLimit.of(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDeal", summary = "Create a deal", description = "At any stage, with the timestamps of the stages it passed."
            + " Moves the contact's stage (customer on a win, repeat_customer on a second).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deal.class)))
    @APIResponse(responseCode = "400", description = "Invalid timeline or amounts")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(DealInput input, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                                @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        return agentScope.ownDeal(input, role, owner).chain(own -> service.create(own, idempotencyKey))
                .map(deal -> Response.created(Locations.of("/api/v1/deals/", deal.id())).entity(deal).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeal", summary = "Get a deal")
    @APIResponse(responseCode = "404", description = "No such deal")
    @APIResponse(responseCode = "200", description = "The deal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deal.class)))
    public Uni<Deal> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateDeal", summary = "Move or edit a deal (JSON merge patch)", description = "inquiry -> quoted -> won | lost;"
            + " won and lost are final.")
    @APIResponse(responseCode = "400", description = "An illegal move or invalid fields")
    @APIResponse(responseCode = "200", description = "The updated deal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deal.class)))
    public Uni<Deal> patch(@PathParam("id") UUID id, JsonNode patch, @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                           @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        AgentScope.ownPatch(patch, role, owner);
        return service.patch(id, patch);
    }
}
