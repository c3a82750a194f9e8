package io.chatroi.campaigns.providererror;

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

import java.util.List;

@Path("/api/v1/provider-errors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provider errors", description = "Errors Meta reported, and what each code means")
public class ProviderErrorResource {

    /** The whole error-code catalogue. */
    public record ErrorCodes(List<ErrorCode> items) {
    }

    private final ProviderErrorRepository errors;

    public ProviderErrorResource(ProviderErrorRepository errors) {
        this.errors = errors;
    }

    @GET
    @Operation(operationId = "listProviderErrors", summary = "Errors Meta reported", description = "Every error of every webhook delivery (account-level,"
            + " beside messages or statuses, inside a failed status or an inbound message), newest first, each with"
            + " the catalogue's title, meaning and suggested action. from/to bound the time received.")
    public Uni<Page<ProviderErrorView>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("code") String code, @QueryParam("limit") Integer limit,
                                             @QueryParam("after") String after) {
        QueryInstants.Range range = QueryInstants.range(from, to);
        int size = PageLimit.of(limit);
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return errors.list(range.from(), range.to(), code(code), cursor, size + 1)
                .map(rows -> Page.of(rows, size, e -> new TimeIdCursor(e.receivedAt(), e.id()).encode()));
    }

    private static Integer code(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("code", "must be a Meta error code such as 131026");
        }
    }

    @GET
    @Path("/codes")
    @Operation(operationId = "listProviderErrorCodes", summary = "The error-code catalogue", description = "Every Meta error code the product describes:"
            + " title, meaning, suggested action and whether a later retry can succeed.")
    public ErrorCodes codes() {
        return new ErrorCodes(ErrorCatalogue.all());
    }
}
