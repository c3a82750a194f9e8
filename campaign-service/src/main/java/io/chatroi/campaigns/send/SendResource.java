package io.chatroi.campaigns.send;

import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;


@Path("/api/v1/sends")
@Tag(name = "Sends", description = "One send per contact of a campaign, for incremental sync")
public class SendResource {

    private final SendService sends;

    public SendResource(SendService sends) {
        this.sends = sends;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listChangedSends", summary = "All sends changed since an instant", description = "Ordered by (updatedAt, id) for"
            + " incremental sync (metrics-service). A send written by a transaction still open when you read"
            + " appears later with its own updatedAt: re-read with a small overlap. sentFrom/sentTo (ISO instants,"
            + " [sentFrom, sentTo)) keep the sends of every campaign that went out in that range (by sentAt, the"
            + " instant the reports place a send on a day by) and stage keeps those at a counter's stage (sent,"
            + " delivered, read, replied, reacted, clicked, failed, optedOut, counted as the campaign counters count"
            + " them). repliedWithinDays (1-3650) keeps the sends replied to within that many days of their sentAt,"
            + " as the reports count replies within the workspace's reply window (a later reply is still a replied"
            + " send of the counters, not a reply of the reports). With ?format=csv or Accept: text/csv the whole list"
            + " as CSV; that needs sentFrom and sentTo.")
    @APIResponse(responseCode = "200", description = "A page of sends, or the whole list as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SendPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "One problem naming every bad parameter: updatedAfter, sentFrom"
            + " or sentTo is not an ISO-8601 instant, sentTo is not after sentFrom, an unknown stage, repliedWithinDays"
            + " not a whole number from 1 to 3650, a limit outside 1-500, or a CSV without both bounds")
    public Uni<Response> changed(@QueryParam("updatedAfter") String updatedAfter,
                                 @QueryParam("sentFrom") String sentFrom, @QueryParam("sentTo") String sentTo,
                                 @QueryParam("stage") String stage,
                                 @QueryParam("repliedWithinDays") String repliedWithinDays,
                                 @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                                 @QueryParam("format") String format,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<FieldError> errors = new ArrayList<>();
        Instant since = collect(errors, () -> QueryInstants.parse(updatedAfter, "updatedAfter"));
        SentWithin within = SentWithin.parse(sentFrom, sentTo, stage, repliedWithinDays, errors);
        Integer pageLimit = collect(errors, () -> PageLimit.of(limit));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if ("csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"))) {
            within.requireBounds();
            return sends.allChangedSince(since, within).map(list -> Response.ok(SendCsv.of(list),
                    "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"sends.csv\"")
                    .build());
        }
        return sends.changedSince(since, within, after, pageLimit)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /** One parameter's parse, its problem's field errors kept with the others' so one 400 names them all. */
    private static <T> T collect(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ProblemException invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }
}
