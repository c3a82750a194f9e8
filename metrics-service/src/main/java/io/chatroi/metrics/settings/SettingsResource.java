package io.chatroi.metrics.settings;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settings")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Settings", description = "The workspace's currency, time zone, ROI values, windows and scorecard"
        + " weights")
public class SettingsResource {

    private final SettingsService service;

    public SettingsResource(SettingsService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getSettings", summary = "Workspace ROI settings", description = "Currency, time zone (days and ISO weeks of every"
            + " report are the workspace's), value per qualified lead, monthly brand value estimate, attribution,"
            + " reply, repurchase and activity windows in days, scorecard weights (process, result, bonus).")
    @APIResponse(responseCode = "200", description = "The settings", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "one line"))})
    public Uni<Settings> get() {
        return service.get();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSettings", summary = "Change settings", description = "Fields left out keep their value. A time zone change"
            + " applies to snapshots from the next recompute on.")
    @APIResponse(responseCode = "200", description = "The settings now", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "Invalid currency, time zone, window or weight")
    public Uni<Settings> put(SettingsInput input) {
        return service.update(input);
    }
}
