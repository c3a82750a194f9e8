package io.chatroi.campaigns.template;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "WhatsApp message templates with placeholders and buttons")
public class TemplateResource {

    private final TemplateService service;

    public TemplateResource(TemplateService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listTemplates", summary = "List templates", description = "Newest first.")
    public Uni<Page<TemplateView>> list(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.list(after, PageLimit.of(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTemplate", summary = "Create a template", description = "Body placeholders {{1}}, {{2}}... or named {{first_name}};"
            + " buttons quick_reply or url (URLs become tracked links when sent).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "A template with this name and language exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(TemplateInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(t -> Response.created(URI.create("/api/v1/templates/" + t.id())).entity(t).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTemplate", summary = "Get a template")
    public Uni<TemplateView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteTemplate", summary = "Delete a template", description = "Not while a campaign uses it (409).")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(ignored -> Response.noContent().build());
    }
}
