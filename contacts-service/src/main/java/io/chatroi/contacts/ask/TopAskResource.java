package io.chatroi.contacts.ask;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/top-asks")
@Tag(name = "Top asks", description = "What customers ask most: inbound messages counted by the trigger rules and"
        + " terms they fire, English and Chinese apart")
public class TopAskResource {

    private static final String CSV = "text/csv";

    private final TopAskService service;

    public TopAskResource(TopAskService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getTopAsks", summary = "What customers ask most",
            description = "The most triggered rules (kind and label) and terms (trigger phrases) of inbound messages,"
                    + " per period and language (en, zh), with message counts. Counted with the configured"
                    + " classification rules, as inbound text is classified. An agent sees its own contacts only.")
    @APIResponse(responseCode = "200", description = "The top rules and terms", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopAsks.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "one line per rule or term and period"))})
    @APIResponse(responseCode = "400", description = "Invalid range, period, time zone or limit")
    public Uni<Response> top(
            @QueryParam("from") @Parameter(description = "start instant (default: 30 days before to)") String from,
            @QueryParam("to") @Parameter(description = "end instant, exclusive (default: now)") String to,
            @QueryParam("period") @Parameter(description = "none (default), day, week or month") String period,
            @QueryParam("timeZone") @Parameter(description = "IANA zone periods are cut in (default UTC)")
            String timeZone,
            @QueryParam("limit") @Parameter(description = "top rows per period, level and language, 1-100 (default 10)")
            Integer limit,
            @QueryParam("owner") @Parameter(description = "only this owner's contacts (an agent: always its own)")
            String owner,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return service.top(QueryInstants.parse(from, "from"), QueryInstants.parse(to, "to"), period, timeZone, limit,
                owner).map(asks -> csv ? Response.ok(TopAskCsv.of(asks), CSV + "; charset=utf-8").build()
                : Response.ok(asks, MediaType.APPLICATION_JSON).build());
    }
}
