package io.chatroi.campaigns.campaign;

import io.chatroi.campaigns.send.SendCsv;
import io.chatroi.campaigns.send.SendFilter;
import io.chatroi.campaigns.send.SendService;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Campaigns with A/B variants: create, launch, pause, resume, cancel and follow their counters")
public class CampaignResource {

    private final CampaignService service;
    private final SendService sends;

    public CampaignResource(CampaignService service, SendService sends) {
        this.service = service;
        this.sends = sends;
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "List campaigns", description = "Newest first; with updatedAfter, every campaign changed"
            + " since then ordered by (updatedAt, id) for incremental sync (metrics-service).")
    public Uni<Page<CampaignView>> list(@QueryParam("updatedAfter") String updatedAfter,
                                        @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        Instant since = QueryInstants.parse(updatedAfter, "updatedAfter");
        return since == null ? service.list(after, PageLimit.of(limit))
                : service.changedSince(since, after, PageLimit.of(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCampaign", summary = "Create a campaign (draft)", description = "Audience {segmentId} or {filter} (checked with"
            + " contacts-service), A/B variants with weights and an optional holdout, goal and rule switches.")
    @APIResponse(responseCode = "201", description = "Created as draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown templates or an invalid audience")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(CampaignInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(c -> Response.created(URI.create("/api/v1/campaigns/" + c.id())).entity(c).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCampaign", summary = "Get a campaign with live counters")
    public Uni<CampaignView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/launch")
    @Operation(operationId = "launchCampaign", summary = "Launch a campaign", description = "draft -> scheduled ->"
            + " sending -> completed. Launch resolves the audience into one send per contact.")
    @APIResponse(responseCode = "200", description = "The campaign in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Uni<CampaignView> launch(@PathParam("id") UUID id) {
        return service.act(id, CampaignAction.LAUNCH);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(operationId = "pauseCampaign", summary = "Pause a sending campaign")
    @APIResponse(responseCode = "200", description = "The campaign in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Uni<CampaignView> pause(@PathParam("id") UUID id) {
        return service.act(id, CampaignAction.PAUSE);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign")
    @APIResponse(responseCode = "200", description = "The campaign in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Uni<CampaignView> resume(@PathParam("id") UUID id) {
        return service.act(id, CampaignAction.RESUME);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign", description = "Queued sends are"
            + " cancelled; what was sent stays counted.")
    @APIResponse(responseCode = "200", description = "The campaign in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Uni<CampaignView> cancel(@PathParam("id") UUID id) {
        return service.act(id, CampaignAction.CANCEL);
    }

    @GET
    @Path("/{id}/sends")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listCampaignSends", summary = "A campaign's sends", description = "Oldest first, paged;"
            + " every filter given applies: status (the dispatcher's), variant, stage (one of the counters: sent,"
            + " delivered, read, replied, reacted, clicked, failed, optedOut, counted exactly as the counters count"
            + " them), errorCode (the provider's, as failedByCode counts it) and reason (a skip or failure reason, as"
            + " skippedByReason counts it). With ?format=csv or Accept: text/csv the whole filtered list as CSV.")
    @APIResponse(responseCode = "200", description = "A page of sends, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PageSendView")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown status or stage, or an error code that is not a number")
    public Uni<Response> ofCampaign(@PathParam("id") UUID id, @QueryParam("status") String status,
                                    @QueryParam("variant") String variant, @QueryParam("stage") String stage,
                                    @QueryParam("errorCode") String errorCode, @QueryParam("reason") String reason,
                                    @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                    @QueryParam("format") String format,
                                    @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SendFilter filter = SendFilter.parse(status, variant, stage, errorCode, reason);
        if ("csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"))) {
            return sends.allOfCampaign(id, filter).map(list -> Response.ok(SendCsv.of(list), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-sends.csv\"").build());
        }
        int pageLimit = PageLimit.of(limit);
        return sends.ofCampaign(id, filter, after, pageLimit)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

}
