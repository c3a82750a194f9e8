package io.chatroi.metrics.cost;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * The per-message fee table (configuration, not code): billable marketing, utility and authentication messages cost
 * the rate of the recipient's calling code and the category valid on the day the message went out.
 */
@Path("/api/v1/message-rates")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Costs")
public class MessageRateResource {

    private final MessageRateService service;

    public MessageRateResource(MessageRateService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listMessageRates", summary = "The message fee table",
            description = "By calling code,"
            + " category and effective date.")
    @APIResponse(responseCode = "200", description = "The fee table", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageRates.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per rate"))})
    public Uni<MessageRates> list() {
        return service.list().map(MessageRates::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMessageRate", summary = "Add a rate",
            description = "callingCode without '+', e.g. 49; a new effectiveFrom starts a"
            + " new price; the same (callingCode, category, effectiveFrom) replaces the rate.")
    @APIResponse(responseCode = "201", description = "Created or replaced", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageRate.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(MessageRate input, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return service.create(input, idempotencyKey)
                .map(rate -> Response.created(URI.create("/api/v1/message-rates/" + rate.id())).entity(rate).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMessageRate", summary = "Remove a rate")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rate")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Message rate", id);
            }
            return Response.noContent().build();
        });
    }
}
