package io.chatroi.campaigns.send;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/sends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sends", description = "One send per contact of a campaign, for incremental sync")
public class SendResource {

    private final SendQueries sends;

    public SendResource(SendQueries sends) {
        this.sends = sends;
    }

    @GET
    @Operation(operationId = "listChangedSends", summary = "All sends changed since an instant", description = "Ordered by (updatedAt, id) for"
            + " incremental sync (metrics-service). A send written by a transaction still open when you read"
            + " appears later with its own updatedAt: re-read with a small overlap.")
    public Uni<Page<SendView>> changed(@QueryParam("updatedAfter") String updatedAfter,
                                       @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return sends.changedSince(QueryInstants.parse(updatedAfter, "updatedAfter"), after, PageLimit.of(limit));
    }
}
