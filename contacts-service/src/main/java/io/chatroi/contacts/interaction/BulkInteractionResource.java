package io.chatroi.contacts.interaction;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
public class BulkInteractionResource {

    private final BulkInteractionService bulk;

    public BulkInteractionResource(BulkInteractionService bulk) {
        this.bulk = bulk;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record interactions in bulk, keyed by phone", description = "Up to 1,000 items; each"
            + " commits on its own and bad items are reported by index.")
    public Uni<BulkInteractions.Result> bulk(BulkInteractions.Request request) {
        return bulk.apply(request);
    }
}
