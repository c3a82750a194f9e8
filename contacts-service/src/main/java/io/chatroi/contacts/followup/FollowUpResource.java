package io.chatroi.contacts.followup;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Contacts due a follow-up by their cadence, most urgent first")
public class FollowUpResource {

    private final FollowUpService service;
    private final Clock clock;

    public FollowUpResource(FollowUpService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listDueFollowUps", summary = "Due follow-ups, most urgent first", description = "Contacts whose cadence (docs/tiers.md)"
            + " says a salesperson should write, with the reason and the due time. dueBefore defaults to now.")
    public Uni<Page<FollowUpService.DueFollowUp>> due(@QueryParam("owner") String owner,
                                                      @QueryParam("dueBefore") String dueBefore,
                                                      @QueryParam("limit") Integer limit,
                                                      @QueryParam("after") String after) {
        Instant before = dueBefore == null ? clock.instant() : QueryInstants.parse(dueBefore, "dueBefore");
        return service.due(owner, before, after, PageLimit.of(limit));
    }
}
