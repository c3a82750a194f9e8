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

/** The contacts behind a scorecard row's contact counts. */
@Path("/api/v1/scorecards/contacts")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class ScorecardContactsResource {

    private final MeasureService service;

    public ScorecardContactsResource(MeasureService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listScorecardContacts", summary = "The contacts behind a scorecard count",
            description = "One owner's contacts of an ISO week, as the recompute counts them for GET"
                    + " /api/v1/scorecards: newEffectiveContacts = added in the week, accepted and wrote since;"
                    + " referrals = added in the week, referred by another contact; deepInteractionContacts = at least"
                    + " 3 turns in the week (read from the recompute's turn snapshots, the rows the scorecard"
                    + " counts). Newest first. Right after a recompute the list holds as many contacts as the owner's"
                    + " row says. With ?format=csv or Accept: text/csv the whole list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of contacts, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScorecardContactPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per contact"))})
    @APIResponse(responseCode = "400", description = "A missing or unknown measure, a missing owner, an invalid week, limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<ScorecardContact>> list(
            @QueryParam("measure") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"newEffectiveContacts", "deepInteractionContacts", "referrals"})) String measure,
            @BeanParam ScorecardDrillParams query) {
        return service.scorecardContacts(query.raw(measure), query.csv());
    }
}
