package io.chatroi.contacts.segment;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.contact.Contact;
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

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Saved contact filters, used as campaign audiences")
public class SegmentResource {

    private final SegmentService service;

    public SegmentResource(SegmentService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listSegments", summary = "List segments")
    public Uni<Page<SegmentView>> list(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.list(after, PageLimit.of(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSegment", summary = "Save a segment", description = "filter fields: tagsAll, tagsAny, tagsNone, stages, owners,"
            + " sources, countries, activity, intent, optedOut, q, createdAfter, createdBefore, lastInboundAfter,"
            + " lastInboundBefore, behaviour (active_buyers, dormant_customers, high_potential, new_subscribers),"
            + " customerClass (A, B, C, none); intent (high, medium, potential, none, unknown: nothing known yet).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentView.class)))
    @APIResponse(responseCode = "400", description = "An unknown or invalid filter field")
    @APIResponse(responseCode = "409", description = "A segment with this name exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(SegmentInput input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(segment -> Response.created(Locations.of("/api/v1/segments/", segment.id())).entity(segment).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSegment", summary = "Get a segment")
    public Uni<SegmentView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateSegment", summary = "Rename a segment or replace its filter")
    @APIResponse(responseCode = "200", description = "The segment as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentView.class)))
    @APIResponse(responseCode = "409", description = "A segment with this name exists")
    public Uni<SegmentView> update(@PathParam("id") UUID id, SegmentInput input) {
        return service.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSegment", summary = "Delete a segment")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(operationId = "listSegmentContacts", summary = "Members of a segment", description = "Keyset-paged: follow nextCursor to stream any number of members.")
    public Uni<Page<Contact>> members(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                      @QueryParam("after") String after) {
        return service.members(id, after, PageLimit.of(limit));
    }

    @GET
    @Path("/{id}/audience")
    @Operation(operationId = "listSegmentAudience", summary = "Members of a segment as a campaign audience", description = "Only id and phone, up to"
            + " 5,000 per page.")
    public Uni<Page<io.chatroi.contacts.contact.AudienceMember>> audience(@PathParam("id") UUID id,
                                                                          @QueryParam("limit") Integer limit,
                                                                          @QueryParam("after") String after) {
        return service.audience(id, after, limit);
    }

    @GET
    @Path("/{id}/count")
    @Operation(operationId = "countSegmentContacts", summary = "Number of members of a segment")
    public Uni<Map<String, Long>> count(@PathParam("id") UUID id) {
        return service.count(id).map(count -> Map.of("count", count));
    }
}
