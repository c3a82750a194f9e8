package io.chatroi.gateway.auth;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys and their roles; admin only")
public class ApiKeyResource {

    private final ApiKeyService service;

    public ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "Roles: admin (everything, key management), manager"
            + " (contacts, campaigns, costs, all reports), agent (contacts and deals of its owner, its own"
            + " scorecard; owner required), integrator (push contacts, deals, messages, receipts; no reports),"
            + " viewer (read reports). The secret `key` is in this answer only; it is stored hashed.")
    @APIResponse(responseCode = "201", description = "Created; the answer holds the secret key, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedApiKey.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, role or owner")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key created a key before (its secret is not"
            + " shown again)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(ApiKeyInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                RoutingContext rc) {
        return service.create(input, rc.get(Caller.CONTEXT_KEY), idempotencyKey)
                .map(key -> Response.created(URI.create("/api/v1/api-keys/" + key.id())).entity(key).build());
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Newest first, without secrets; revoked keys only with"
            + " includeRevoked=true. lastUsedAt is at most a minute behind.")
    public Uni<Page<ApiKey>> list(@QueryParam("includeRevoked") boolean includeRevoked,
                                  @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.list(includeRevoked, after, PageLimit.of(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key (without its secret)")
    @APIResponse(responseCode = "404", description = "No such key")
    @APIResponse(responseCode = "200", description = "The key, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKey.class)))
    public Uni<ApiKey> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "The key stops working at once on this gateway replica"
            + " and within chatroi.gateway.key-cache-ttl (30 s) on the others. Revoking twice is harmless.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return service.revoke(id).map(ignored -> Response.noContent().build());
    }
}
