package io.chatroi.contacts.tier;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/api/v1/contacts/retier")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The people a workspace messages: create, filter, import and export, erase (GDPR), re-tier")
public class RetierResource {

    private final RetierJob job;

    public RetierResource(RetierJob job) {
        this.job = job;
    }

    @POST
    @Operation(operationId = "retierContacts", summary = "Re-tier now", description = "Records activity and intent tier moves that time alone caused"
            + " (the daily job does the same). Reads are always live; this updates history, updatedAt and follow-ups.")
    public Uni<Map<String, Integer>> run() {
        return job.run().map(changed -> Map.of("changed", changed));
    }
}
