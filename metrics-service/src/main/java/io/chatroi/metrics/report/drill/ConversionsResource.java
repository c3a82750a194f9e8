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

/** The sends behind the conversions count of a KPI row. */
@Path("/api/v1/kpis/conversions")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class ConversionsResource {

    private final DrillService service;

    public ConversionsResource(DrillService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listConversions", summary = "The sends counted as conversions",
            description = "The sends of from..to (by the day they went out) that count as conversions, as the"
                    + " recompute counts them: sent, not in the holdout, and reached the campaign's goal (a reply or"
                    + " a click within its window, a won deal, or a won deal with an amount for a revenue goal)."
                    + " Newest first. Right after a recompute the list holds as many sends as counts.conversions of"
                    + " GET /api/v1/kpis for the same from, to, owner and campaignId; with a variant too, as many as"
                    + " that variant's conversions in GET /api/v1/campaigns/{id}/experiment when the range holds all"
                    + " the campaign's sends. With ?format=csv or Accept: text/csv the whole list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of sends, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConvertedSendPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per send"))})
    @APIResponse(responseCode = "400", description = "An invalid range, campaignId, variant (or a variant without campaignId), limit or cursor (each one named), or a format that is neither json nor csv")
    public Uni<Page<ConvertedSend>> list(
            @QueryParam("campaignId") @Parameter(description = "only this campaign's",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String campaignId,
            @QueryParam("variant") @Parameter(description = "only this variant's sends (a variant key of campaignId,"
                    + " which it needs)", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{1,20}$"))
            String variant,
            @BeanParam DrillParams query) {
        return service.conversions(query.raw(campaignId, variant, null), query.csv());
    }
}
