package io.chatroi.contacts.tag;

import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/contacts/{id}/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "The tag catalogue (system and custom tags) and tag assignments")
public class ContactTagResource {

    private final TagService service;

    public ContactTagResource(TagService service) {
        this.service = service;
    }

    @PUT
    @Path("/{name}")
    @Operation(operationId = "tagContact", summary = "Tag a contact", description = "Idempotent; recorded in the tag history.")
    @APIResponse(responseCode = "204", description = "The contact has the tag")
    public Uni<Response> assign(@PathParam("id") UUID id, @PathParam("name") String name,
                                @HeaderParam(Caller.KEY_ID_HEADER) String keyId) {
        return service.assign(id, name, Caller.of(keyId)).map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "untagContact", summary = "Untag a contact", description = "Idempotent; recorded in the tag history.")
    @APIResponse(responseCode = "204", description = "The contact does not have the tag")
    public Uni<Response> unassign(@PathParam("id") UUID id, @PathParam("name") String name,
                                  @HeaderParam(Caller.KEY_ID_HEADER) String keyId) {
        return service.unassign(id, name, Caller.of(keyId)).map(ignored -> Response.noContent().build());
    }
}
