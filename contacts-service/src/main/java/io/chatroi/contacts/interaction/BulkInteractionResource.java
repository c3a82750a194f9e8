package io.chatroi.contacts.interaction;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.QueryInstants;
import io.chatroi.contacts.web.AgentScope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions", description = "Messages exchanged with contacts, classified as they arrive")
public class BulkInteractionResource {

    private final BulkInteractionService bulk;
    private final InteractionService interactions;

    public BulkInteractionResource(BulkInteractionService bulk, InteractionService interactions) {
        this.bulk = bulk;
        this.interactions = interactions;
    }

    @GET
    @Operation(operationId = "listInteractions", summary = "List every interaction for incremental sync", description = "Ordered by (updatedAt, id);"
            + " interactions never change, so updatedAt is when one was recorded. Without text. Not for agents.")
    @APIResponse(responseCode = "403", description = "Agents list interactions per contact instead")
    @APIResponse(responseCode = "200", description = "A page of interactions")
    public Uni<Page<SyncedInteraction>> list(@QueryParam("updatedAfter") String updatedAfter,
                                             @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                             @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role) {
        if (AgentScope.isAgent(role)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "agents list interactions per contact", null, null);
        }
        return interactions.listAll(QueryInstants.parse(updatedAfter, "updatedAfter"), after, PageLimit.of(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInteractions", summary = "Record interactions in bulk, keyed by phone", description = "Up to 1,000 items; each"
            + " commits on its own and bad items are reported by index.")
    public Uni<BulkInteractions.Result> bulk(BulkInteractions.Request request) {
        return bulk.apply(request);
    }
}
