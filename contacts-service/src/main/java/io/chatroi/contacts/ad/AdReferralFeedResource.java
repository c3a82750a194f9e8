package io.chatroi.contacts.ad;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.QueryInstants;
import io.chatroi.contacts.web.AgentScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every contact's ad referrals as an incremental feed: metrics-service groups KPIs by the ad a contact came through. */
@Path("/api/v1/ad-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ad referrals", description = "Click-to-WhatsApp ads the contacts came through")
public class AdReferralFeedResource {

    private final Pool pool;
    private final AdReferralRepository referrals;

    public AdReferralFeedResource(Pool pool, AdReferralRepository referrals) {
        this.pool = pool;
        this.referrals = referrals;
    }

    @GET
    @Operation(operationId = "listAdReferrals", summary = "Ad referrals for incremental sync", description = "Every"
            + " contact's click-to-WhatsApp ad referrals in the order they were recorded, by (createdAt, id);"
            + " updatedAfter compares with createdAt, since a referral never changes (a contact merge moves it to"
            + " the survivor, which the contact-merges feed says). Internal: metrics-service's sync. Not for agents.")
    @APIResponse(responseCode = "403", description = "Agents do not sync")
    @APIResponse(responseCode = "200", description = "A page of referrals")
    public Uni<Page<AdReferralView>> list(@QueryParam("updatedAfter") String updatedAfter,
                                          @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                          @Parameter(hidden = true) @HeaderParam(ChatRoiHeaders.ROLE) String role) {
        if (AgentScope.isAgent(role)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "agents do not sync ad referrals", null, null);
        }
        int size = PageLimit.of(limit);
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return referrals.feed(pool, QueryInstants.parse(updatedAfter, "updatedAfter"), cursor, size + 1)
                .map(rows -> Page.of(rows, size, r -> new TimeIdCursor(r.createdAt(), r.id()).encode()));
    }
}
