package io.chatroi.gateway.auth;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The one call every role may make: the dashboard asks it which pages to offer. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys and their roles; admin only")
public class MeResource {

    // the request is read from CDI, not taken as a parameter (OpenAPI would describe a parameter as a body)
    private final CurrentVertxRequest request;

    public MeResource(CurrentVertxRequest request) {
        this.request = request;
    }

    @GET
    @Operation(operationId = "getMe", summary = "The calling key's role and owner",
            description = "Any valid key may ask. owner is set for agent keys only.")
    @APIResponse(responseCode = "200", description = "The key's role and owner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "No key, or an unknown or revoked one")
    public Me me() {
        return Me.of(request.getCurrent().get(Caller.CONTEXT_KEY));
    }
}
