package io.chatroi.campaigns.order;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Orders and attribution", description = "Shop and ERP orders, and the campaign and variant each was credited to")
public class OrderResource {

    private final AttributionService service;

    public OrderResource(AttributionService service) {
        this.service = service;
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "pushOrders", summary = "Push shop or ERP orders", description = "Up to 1,000 orders per call, idempotent by (source,"
            + " externalId): a repeated order updates the stored one (its status never moves back). Each is credited"
            + " to a campaign (tracked-link code or UTM in landingSite, else the buyer's last click, else last"
            + " delivered send inside the campaign's window) and matched to a contact by phone; a paid order becomes"
            + " a won deal. One bad field rejects the whole call and stores nothing.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid orders, with every bad field")
    public Uni<OrderInput.BatchResult> push(OrderInput.Batch batch) {
        return service.ingest(batch);
    }

    @GET
    @Path("/attribution")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listAttribution", summary = "Orders and what each was credited to", description = "Orders placed in [from, to] (dates"
            + " are UTC days, to included; instants, to excluded; default the last 30 days), each with its credit"
            + " (link, utm, click, send or none), campaign and variant; totals with attributed and unattributed"
            + " revenue and unmatched orders; revenue, orders and buyers per campaign and variant. CSV (the orders)"
            + " with ?format=csv or Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttributionReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Bad range or limit")
    public Uni<Response> attribution(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("campaignId") UUID campaignId, @QueryParam("limit") Integer limit,
                                     @QueryParam("format") String format,
                                     @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"));
        return service.report(from, to, campaignId, limit).map(report -> csv
                ? Response.ok(AttributionCsv.of(report), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"attribution.csv\"").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }
}
