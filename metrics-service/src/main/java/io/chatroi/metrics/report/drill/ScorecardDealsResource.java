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

/** The deals behind a scorecard row's deal counts and order amount. */
@Path("/api/v1/scorecards/deals")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class ScorecardDealsResource {

    private final MeasureService service;

    public ScorecardDealsResource(MeasureService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listScorecardDeals", summary = "The deals behind a scorecard count",
            description = "One owner's deals of an ISO week (the deal's owner, else its contact's), in the workspace"
                    + " currency or in none, as the recompute counts them for GET /api/v1/scorecards: quotesSent ="
                    + " quoted in the week; ordersWon and orderAmount = won in the week (their values add up to the"
                    + " order amount); repurchasingCustomers = repeat orders (a win within the repurchase window after"
                    + " another), one per customer, day and credited campaign. Newest first. Right after a recompute"
                    + " the list holds as many deals as the owner's row counts. With ?format=csv or Accept: text/csv"
                    + " the whole list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of deals, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealFactPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per deal"))})
    @APIResponse(responseCode = "400", description = "A missing or unknown measure, a missing owner, an invalid week, limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<DealFact>> list(
            @QueryParam("measure") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"quotesSent", "ordersWon", "orderAmount", "repurchasingCustomers"}))
            String measure,
            @BeanParam ScorecardDrillParams query) {
        return service.scorecardDeals(query.raw(measure), query.csv());
    }
}
