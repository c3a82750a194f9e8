package io.chatroi.contacts.tag;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.web.Caller;
import io.chatroi.contacts.web.Locations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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


@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "The tag catalogue (system and custom tags) and tag assignments")
public class TagResource {

    private final TagService service;

    public TagResource(TagService service) {
        this.service = service;
    }

    @GET
        @Operation(operationId = "listTags", summary = "List tags", description = "System tags (activity, intent, interest) and custom tags, by name.")
    public Uni<Page<TagView>> list(@QueryParam("category") String category, @QueryParam("limit") Integer limit,
                                   @QueryParam("after") String after) {
        return service.list(category, after, PageLimit.of(limit));
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getTag", summary = "Get a tag")
    @APIResponse(responseCode = "404", description = "No such tag")
    @APIResponse(responseCode = "200", description = "The tag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    public Uni<TagView> get(@PathParam("name") String name) {
        return service.get(name);
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTag", summary = "Create a custom tag")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", description = "A tag with this name exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(TagInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(tag -> Response.created(Locations.of("/api/v1/tags/", tag.name())).entity(tag).build());
    }

    @PATCH
    @Path("/{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateTag", summary = "Change a tag's colour, category or description")
    @APIResponse(responseCode = "200", description = "The tag as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", description = "The category of a system tag cannot change")
    public Uni<TagView> update(@PathParam("name") String name, TagInput input) {
        return service.update(name, input);
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "deleteTag", summary = "Delete a custom tag", description = "Removes it from every contact; system tags cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A system tag")
    public Uni<Response> delete(@PathParam("name") String name, @HeaderParam(Caller.KEY_ID_HEADER) String keyId) {
        return service.delete(name, Caller.of(keyId)).map(ignored -> Response.noContent().build());
    }
}
