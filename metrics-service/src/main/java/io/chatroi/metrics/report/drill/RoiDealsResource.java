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

/** The deals behind ROI's value parts that are made of deals. */
@Path("/api/v1/roi/deals")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class RoiDealsResource {

    private final MeasureService service;

    public RoiDealsResource(MeasureService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listRoiDeals", summary = "The deals behind an ROI value part",
            description = "The deals of from..to in the workspace currency or in none, as the recompute sums them"
                    + " for GET /api/v1/roi: direct = won deals that are no repeat order, repeat = won deals within the"
                    + " repurchase window after another win (each valued at its profit, else its order amount), and"
                    + " leadValue = the inquiries of the range (each worth the value per lead). Their value fields add"
                    + " up to the part. Brand has no list: it is an estimate (brandValueMonthly x days / 30). Newest"
                    + " first. With ?format=csv or Accept: text/csv the whole list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of deals, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealFactPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per deal"))})
    @APIResponse(responseCode = "400", description = "A missing or unknown part (brand: an estimate with no list), an invalid range, limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<DealFact>> list(
            @QueryParam("part") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"direct", "repeat", "leadValue"})) String part,
            @BeanParam DrillParams query) {
        return service.roiDeals(part, query.raw(null, null, null), query.csv());
    }
}
