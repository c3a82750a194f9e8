package io.chatroi.metrics.cost;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.metrics.web.FilterParams;
import io.chatroi.metrics.web.CsvWriter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/costs")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Costs", description = "What WhatsApp marketing costs: entered costs by category and kind, and the"
        + " per-message fee table that prices billable sends")
public class CostResource {

    private final CostService service;

    public CostResource(CostService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listCosts", summary = "List costs",
            description = "Newest first; from/to (ISO dates) keep costs whose period overlaps the range (without"
            + " them, every cost), category and kind (explicit | hidden) those of one category or kind, as the ROI"
            + " report's cost bars split them. As CSV (?format=csv or Accept: text/csv), every cost the filter keeps,"
            + " unpaged.")
    @APIResponse(responseCode = "200", description = "A page of costs", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per cost the filter keeps, every page"))})
    @APIResponse(responseCode = "400", description = "Invalid from, to, category, kind, campaignId, limit, format or"
            + " cursor (the bad filters are named together)")
    public Uni<Page<Cost>> list(@BeanParam FilterParams query,
                                @QueryParam("category") @Parameter(description = "only this category's: "
                                        + CostCategory.ALLOWED + " (another value is a 400)") String category,
                                @QueryParam("kind") @Parameter(description = "only explicit or only hidden costs"
                                        + " (another value is a 400)") String kind,
                                @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                @Context HttpHeaders headers) {
        int pageLimit = PageLimit.of(limit);
        CostFilter filter = CostFilter.parse(query.from, query.to, category, kind, query.campaign(), query.owner);
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> !m.isWildcardType() && m.isCompatible(CsvWriter.TEXT_CSV));
        return service.list(filter, csv ? null : after, csv ? null : pageLimit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCost", summary = "Enter a cost",
            description = "category: software, platform_fees, accounts, phone_numbers,"
            + " message_fees, data, ads, labor, learning, opportunity; kind (explicit | hidden) defaults from it."
            + " Labour: hours x hourlyRate gives the amount. A cost is spread over periodStart..periodEnd day by day.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Cost.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(CostInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(cost -> Response.created(URI.create("/api/v1/costs/" + cost.id())).entity(cost).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCost", summary = "Get a cost")
    @APIResponse(responseCode = "200", description = "The cost", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Cost.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line"))})

    @APIResponse(responseCode = "404", description = "No such cost")
    public Uni<Cost> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceCost", summary = "Replace a cost")
    @APIResponse(responseCode = "200", description = "The stored cost", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Cost.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such cost")
    public Uni<Cost> replace(@PathParam("id") UUID id, CostInput input) {
        return service.replace(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteCost", summary = "Delete a cost")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such cost")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(x -> Response.noContent().build());
    }
}
