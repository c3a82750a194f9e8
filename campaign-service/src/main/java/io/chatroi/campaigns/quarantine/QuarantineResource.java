package io.chatroi.campaigns.quarantine;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/webhook-quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "WhatsApp webhook")
public class QuarantineResource {

    private final QuarantineRepository quarantine;

    public QuarantineResource(QuarantineRepository quarantine) {
        this.quarantine = quarantine;
    }

    /** The quarantine page: how many items are held in all, and one page of them, newest first. */
    public record QuarantinePage(long count, List<QuarantineRepository.Quarantined> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @Operation(operationId = "listWebhookQuarantine", summary = "Parts of signed webhook deliveries that could not be stored",
            description = "A signed delivery is always acknowledged; what could not be used (an unreadable body, a"
                    + " status or message with a NUL in its id, a timestamp out of range) is kept here with the"
                    + " reason. count is the total held; newest first.")
    public Uni<QuarantinePage> list(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        int size = PageLimit.of(limit);
        Long before = null;
        if (after != null) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("after", "is not a cursor of this list");
            }
        }
        return quarantine.page(before, size).chain(rows -> quarantine.count().map(count -> {
            Page<QuarantineRepository.Quarantined> page = Page.of(rows, size, last -> String.valueOf(last.id()));
            return new QuarantinePage(count, page.items(), page.nextCursor());
        }));
    }
}
