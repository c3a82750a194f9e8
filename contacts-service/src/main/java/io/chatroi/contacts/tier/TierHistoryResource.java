package io.chatroi.contacts.tier;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.contacts.contact.ContactRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/contacts/{id}/tier-history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The people a workspace messages: create, filter, import and export, erase (GDPR), re-tier")
public class TierHistoryResource {

    private final Pool pool;
    private final ContactRepository contacts;
    private final TierHistoryRepository history;

    public TierHistoryResource(Pool pool, ContactRepository contacts, TierHistoryRepository history) {
        this.pool = pool;
        this.contacts = contacts;
        this.history = history;
    }

    @GET
    @Operation(operationId = "listContactTierHistory", summary = "A contact's tier history", description = "Every"
            + " activity, intent and interest tier tag added to or removed from the contact, newest first: moves that"
            + " messages or time caused (actor system:tiering) and tags set by hand or by import. 404 for an unknown"
            + " contact.")
    public Uni<Page<TierMove>> list(@PathParam("id") UUID contactId, @QueryParam("limit") Integer limit,
                                    @QueryParam("after") String after) {
        int pageLimit = PageLimit.of(limit);
        return contacts.find(pool, contactId).chain(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact", contactId);
            }
            return history.list(pool, contactId, after, pageLimit);
        });
    }
}
