package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The won deals behind the orders count and the revenue of a KPI row. */
@Path("/api/v1/kpis/won-deals")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class WonDealsResource {

    private final DrillService service;

    public WonDealsResource(DrillService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listWonDeals", summary = "The deals won, behind orders and revenue",
            description = "The deals won from..to (by the workspace day of the win) in the workspace currency or in"
                    + " none, as the recompute sums them. Newest first. Right after a recompute the list holds"
                    + " counts.orders deals of GET /api/v1/kpis for the same from, to and owner, and their"
                    + " orderAmount adds up to counts.revenue. With ?format=csv or Accept: text/csv the whole list as"
                    + " CSV.")
    @APIResponse(responseCode = "200", description = "A page of deals, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WonDealPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per deal"))})
    @APIResponse(responseCode = "400", description = "An invalid range, limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<WonDeal>> list(@BeanParam DrillParams query) {
        return service.wonDeals(query.raw(null, null, null), query.csv());
    }
}
