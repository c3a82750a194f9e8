package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contacts behind a stage of the funnel. */
@Path("/api/v1/funnel/contacts")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class FunnelContactsResource {

    private final DrillService service;

    public FunnelContactsResource(DrillService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listFunnelContacts", summary = "The contacts of a funnel stage",
            description = "The contacts added from..to (the funnel's cohort) that reached the stage, as the recompute"
                    + " counts them: reach = added, interact = accepted and wrote since, convert = won a deal, retain"
                    + " = won twice within the repurchase window. Newest first. Read from the synced facts, so right"
                    + " after a recompute the list holds as many contacts as GET /api/v1/funnel's stage count for the"
                    + " same from, to and owner. With ?format=csv or Accept: text/csv the whole list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of contacts, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelContactPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per contact"))})
    @APIResponse(responseCode = "400", description = "A missing or unknown stage, an invalid range, limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<FunnelContact>> list(
            @QueryParam("stage") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"reach", "interact", "convert", "retain"})) String stage,
            @BeanParam DrillParams query) {
        return service.stageContacts(query.raw(null, null, stage), query.csv());
    }
}
