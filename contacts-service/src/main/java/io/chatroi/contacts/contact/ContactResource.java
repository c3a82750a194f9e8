package io.chatroi.contacts.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.contacts.filter.ContactFilter;
import io.chatroi.contacts.filter.ContactFilterParser;
import io.chatroi.contacts.identity.ContactLookup;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.contacts.web.AgentScope;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The people a workspace messages: create, filter, import and export, erase (GDPR), re-tier")
public class ContactResource {

    static final List<String> PAGING_PARAMS = List.of("limit", "after");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ContactService service;
    private final ContactLookup lookup;

    public ContactResource(ContactService service, ContactLookup lookup) {
        this.service = service;
        this.lookup = lookup;
    }

    @GET
    @Operation(operationId = "listContacts", summary = "List contacts", description = "Newest first; with updatedAfter, ordered by (updatedAt, id)"
            + " for incremental sync and including erased contacts; with a high, medium or low activity filter (or"
            + " lastInboundAfter), most recently active first. Filters: tagsAll, tagsAny, tagsNone, stages,"
            + " owners, sources, countries, activity, intent, optedOut, q, createdAfter, createdBefore,"
            + " lastInboundAfter, lastInboundBefore, updatedAfter, behaviour, customerClass (lists repeat)."
            + " intent takes a tier (high, medium, potential, none) or unknown: the contacts whose intent reads null"
            + " (nothing known yet). customerClass takes A, B, C or none: the erased contacts, which have no class"
            + " and are listed only with updatedAfter.")
    @APIResponse(responseCode = "200", description = "A page of contacts")
    @APIResponse(responseCode = "400", description = "An unknown or invalid filter")
    public Uni<Page<Contact>> list(@Context UriInfo uri,
                                   @QueryParam("limit") @Parameter(description = "1-500, default 50") Integer limit,
                                   @QueryParam("after") @Parameter(description = "nextCursor of the previous page") String after) {
        Map<String, List<String>> params = uri.getQueryParameters();
        ContactFilter filter = ContactFilterParser.fromQuery(params, PAGING_PARAMS);
        return service.list(filter, after, PageLimit.of(limit));
    }

    @GET
    @Path("/audience")
    @Operation(operationId = "listAudienceContacts", summary = "Contacts as a campaign audience", description = "The same filters and order as the"
            + " contact list, but only id and phone, up to 5,000 per page (default 5,000): what campaign-service"
            + " pages through at launch.")
    public Uni<Page<AudienceMember>> audience(@Context UriInfo uri, @QueryParam("limit") Integer limit,
                                              @QueryParam("after") String after) {
        return service.audience(ContactFilterParser.fromQuery(uri.getQueryParameters(), PAGING_PARAMS), after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContact", summary = "Create a contact", description = "Phone in any common format is stored in E.164;"
            + " country and time zone default from the number.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The phone belongs to another contact (existingId)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(ContactInput input,
                                @HeaderParam(Caller.KEY_ID_HEADER) String keyId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                                @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        return service.create(AgentScope.ownContact(input, role, owner), Caller.of(keyId, role, owner),
                        idempotencyKey)
                .map(contact -> Response.created(Locations.of("/api/v1/contacts/", contact.id()))
                        .entity(contact).build());
    }

    @GET
    @Path("/lookup")
    @Operation(operationId = "lookUpContact", summary = "Find a contact by phone, WhatsApp user id or username",
            description = "WhatsApp names a user who adopted a username by a business-scoped user id (BSUID) instead"
                    + " of the phone. Give one of phone, whatsappUserId (preferred: it is stable) or username (the"
                    + " latest holder). Agents find only their own contacts.")
    @APIResponse(responseCode = "400", description = "None given, or one is malformed")
    @APIResponse(responseCode = "404", description = "No contact has it")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    public Uni<Contact> lookUp(@QueryParam("phone") String phone, @QueryParam("whatsappUserId") String whatsappUserId,
                               @QueryParam("username") String username,
                               @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                               @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        return lookup.find(phone, whatsappUserId, username, role, owner);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getContact", summary = "Get a contact")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    public Uni<Contact> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateContact", summary = "Update a contact (JSON merge patch)", description = "Members set to null are cleared.")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The new phone belongs to another contact")
    @APIResponse(responseCode = "200", description = "The updated contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    public Uni<Contact> patch(@PathParam("id") UUID id, JsonNode patch,
                              @Parameter(hidden = true) @HeaderParam(Caller.KEY_ID_HEADER) String keyId,
                              @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role,
                              @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.OWNER) String owner) {
        AgentScope.ownPatch(patch, role, owner);
        return service.patch(id, patch, Caller.of(keyId, role, owner));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "eraseContact", summary = "Erase a contact's personal data (GDPR)",
            description = "Phone, name, company, attributes, preferences and message texts are removed; the id,"
                    + " stage, tags, deals and aggregates survive, and the contact is opted out.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return service.erase(id).map(ignored -> Response.noContent().build());
    }
}
