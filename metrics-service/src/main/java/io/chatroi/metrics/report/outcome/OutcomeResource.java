package io.chatroi.metrics.report.outcome;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.web.RangeParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/conversation-outcomes")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Conversation outcomes", description = "How conversations end: how long they take to be resolved, and"
        + " the ones left hanging (the contact wrote last and nobody answered within the 24-hour window)")
public class OutcomeResource {

    private final OutcomeService service;

    public OutcomeResource(OutcomeService service) {
        this.service = service;
    }

    @GET
    @Path("/hanging")
    @Operation(operationId = "listHangingConversations", summary = "Conversations left hanging",
            description = "Contacts whose last message (a turn) is theirs, more than 24 h old and unanswered, among"
                    + " the contacts that wrote within the activity window; newest last message first. Read from the"
                    + " synced facts, so as fresh as the last sync.")
    @APIResponse(responseCode = "200", description = "A page of hanging conversations", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HangingPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per conversation"))})
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public Uni<Page<HangingConversation>> hanging(
            @QueryParam("owner") @Parameter(description = "only this owner's contacts") String owner,
            @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.hanging(owner, after, PageLimit.of(limit));
    }

    @GET
    @Path("/resolution-times")
    @Operation(operationId = "getResolutionTimes", summary = "Resolution times",
            description = "Median and 90th percentile of the time from a conversation's first inbound message to its"
                    + " resolution (an explicit resolution, or a deal won or lost, while the conversation is open; the"
                    + " first one counts), per owner or period, over from..to (default the last 30 days).")
    @APIResponse(responseCode = "200", description = "One row per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResolutionTimes.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per group"))})
    @APIResponse(responseCode = "400", description = "Invalid range or groupBy")
    public Uni<ResolutionTimes> resolutionTimes(
            @BeanParam RangeParams query,
            @QueryParam("groupBy") @Parameter(description = "owner, day, week or month (default: one total row)")
            String groupBy) {
        return service.resolutionTimes(query, GroupBy.of(groupBy, OutcomeService.GROUPS));
    }

    @GET
    @Path("/hanging/owners")
    @Operation(operationId = "countHangingConversations", summary = "Conversations left hanging per owner",
            description = "The same conversations as the list, counted per owner, most first.")
    @APIResponse(responseCode = "200", description = "Counts per owner", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HangingCounts.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per owner"))})
    public Uni<HangingCounts> hangingByOwner(
            @QueryParam("owner") @Parameter(description = "only this owner") String owner) {
        return service.hangingByOwner(owner);
    }
}
