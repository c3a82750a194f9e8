package io.chatroi.metrics.recompute;

import io.chatroi.metrics.sync.SyncService;
import io.chatroi.metrics.sync.SyncState;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Recompute", description = "Pulling the facts from contacts-service and campaign-service and"
        + " rebuilding the daily snapshots every report reads")
public class RecomputeResource {

    private final RecomputeService service;
    private final SyncService sync;

    public RecomputeResource(RecomputeService service, SyncService sync) {
        this.service = service;
        this.sync = sync;
    }

    @POST
    @Path("/recompute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestRecompute", summary = "Recompute snapshots",
            description = "Pulls what changed from contacts-service and"
            + " campaign-service (unless sync is false), then rebuilds the snapshots of workspace days from..to in"
            + " one transaction; without from/to, the days whose facts changed. One run at a time across replicas:"
            + " a run that finds another holding the lock ends as skipped.")
    @APIResponse(responseCode = "202", description = "Queued: poll the Location", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeRun.class)))
    @APIResponse(responseCode = "400", description = "Invalid range")
    public Uni<Response> request(RecomputeRequest request) {
        return service.request(request, "api").map(run -> Response.accepted(run)
                .location(URI.create("/api/v1/recompute/" + run.id())).build());
    }

    @GET
    @Path("/recompute/{id}")
    @Operation(operationId = "getRecompute", summary = "A recompute's status",
            description = "queued | running (with step and progress 0-100) |"
            + " succeeded | failed (with error) | skipped")
    @APIResponse(responseCode = "200", description = "The run", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeRun.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line"))})
    @APIResponse(responseCode = "404", description = "No such run")
    public Uni<RecomputeRun> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/recompute")
    @Operation(operationId = "listRecomputes", summary = "The latest recomputes",
            description = "Newest first, at most 50.")
    @APIResponse(responseCode = "200", description = "The latest runs", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeRuns.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per run"))})
    public Uni<RecomputeRuns> recent() {
        return service.recent(50).map(RecomputeRuns::new);
    }

    @GET
    @Path("/sync")
    @Operation(operationId = "getSyncState", summary = "Where the fact sync stands",
            description = "Per stream: updatedAfter, whether a pass is in"
            + " progress, items pulled, the last error.")
    @APIResponse(responseCode = "200", description = "Every stream", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncState.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per stream"))})
    public Uni<SyncState> syncStatus() {
        return sync.status();
    }
}
