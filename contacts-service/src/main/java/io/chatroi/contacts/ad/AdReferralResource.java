package io.chatroi.contacts.ad;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.paging.TimeIdCursor;
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

@Path("/api/v1/contacts/{id}/ad-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ad referrals", description = "Click-to-WhatsApp ads the contacts came through")
public class AdReferralResource {

    private final Pool pool;
    private final ContactRepository contacts;
    private final AdReferralRepository referrals;

    public AdReferralResource(Pool pool, ContactRepository contacts, AdReferralRepository referrals) {
        this.pool = pool;
        this.contacts = contacts;
        this.referrals = referrals;
    }

    @GET
    @Operation(operationId = "listContactAdReferrals", summary = "The ads a contact came through", description = "Every"
            + " click-to-WhatsApp ad referral on the contact's messages (the ad's id and type, URL, headline and"
            + " ctwa_clid), newest first. The first one made the contact's source ads_ctwa if it had none.")
    public Uni<Page<AdReferralView>> list(@PathParam("id") UUID contactId, @QueryParam("limit") Integer limit,
                                          @QueryParam("after") String after) {
        int size = PageLimit.of(limit);
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return contacts.find(pool, contactId).chain(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact", contactId);
            }
            return referrals.list(pool, contactId, cursor, size + 1);
        }).map(rows -> Page.of(rows, size, r -> new TimeIdCursor(r.at(), r.id()).encode()));
    }
}
