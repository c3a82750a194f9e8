package io.chatroi.campaigns.health;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

@Path("/api/v1/account-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account health", description = "Template status, phone number quality and account updates Meta reported")
public class AccountEventResource {

    private static final Set<String> FIELDS = Set.of(HealthEvent.TEMPLATE_STATUS, HealthEvent.PHONE_QUALITY,
            HealthEvent.ACCOUNT);

    private final AccountEventRepository events;

    public AccountEventResource(AccountEventRepository events) {
        this.events = events;
    }

    @GET
    @Operation(operationId = "listAccountEvents", summary = "Account-health events", description = "Every"
            + " message_template_status_update, phone_number_quality_update and account_update Meta delivered, newest"
            + " first, each with its severity (what the alerts fire on). from/to bound the event's time; field picks"
            + " one kind.")
    public Uni<Page<AccountEventView>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("field") String field, @QueryParam("limit") Integer limit,
                                            @QueryParam("after") String after) {
        QueryInstants.Range range = QueryInstants.range(from, to);
        if (field != null && !FIELDS.contains(field)) {
            throw ProblemException.invalid("field", "must be one of " + String.join(", ", FIELDS.stream().sorted()
                    .toList()));
        }
        int size = PageLimit.of(limit);
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return events.list(range.from(), range.to(), field, cursor, size + 1)
                .map(rows -> Page.of(rows, size, e -> new TimeIdCursor(e.at(), e.id()).encode()));
    }
}
