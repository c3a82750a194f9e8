package io.chatroi.contacts.identity;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** WhatsApp identities that changed, and the merges of contacts found to be one person, as a feed. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact identities", description = "WhatsApp phone and BSUID changes, and contact merges as an incremental feed")
public class IdentityChangeResource {

    private final IdentityChangeService changes;
    private final ContactMergeFeed merges;

    public IdentityChangeResource(IdentityChangeService changes, ContactMergeFeed merges) {
        this.changes = changes;
        this.merges = merges;
    }

    @POST
    @Path("identity-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyIdentityChanges", summary = "Apply WhatsApp identity changes in bulk", description = "Up to"
            + " 1,000 items, each naming a contact by its previous phone or BSUID and giving the new ones (Meta's"
            + " user_changed_number and user_changed_user_id system messages). The contact keeps its id and history;"
            + " when another contact already holds the new identity, the two merge. Each item commits on its own;"
            + " a replay changes nothing.")
    @APIResponse(responseCode = "200", description = "What each item did, and the items refused")
    public Uni<IdentityChanges.Result> apply(IdentityChanges.Request request) {
        return changes.apply(request);
    }

    @GET
    @Path("contact-merges")
    @Operation(operationId = "listContactMerges", summary = "Contact merges for incremental sync", description = "Each"
            + " merge names the absorbed contact and the one it went into, ordered by (mergedAt, absorbedId):"
            + " services holding facts under contact ids re-point the absorbed one's. A survivor may itself be merged"
            + " later: follow the feed in order. Not for agents.")
    @APIResponse(responseCode = "403", description = "Agents do not sync")
    @APIResponse(responseCode = "200", description = "A page of merges")
    public Uni<Page<ContactMergeFeed.Merge>> list(@QueryParam("updatedAfter") String updatedAfter,
                                                  @QueryParam("limit") Integer limit,
                                                  @QueryParam("after") String after,
                                                  @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role) {
        if (AgentScope.isAgent(role)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "agents do not sync contact merges", null, null);
        }
        return merges.list(QueryInstants.parse(updatedAfter, "updatedAfter"), after, PageLimit.of(limit));
    }
}
