package io.chatroi.metrics.cost;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.recompute.DirtyDayRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The per-message fee table (configuration, not code): billable marketing, utility and authentication messages cost
 * the rate of the recipient's calling code and the category valid on the day the message went out. Small enough that
 * the resource talks to the pool itself.
 */
@Path("/api/v1/message-rates")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Costs")
public class MessageRateResource {

    private static final Set<String> CATEGORIES = Set.of("marketing", "utility", "authentication");

    private final Pool pool;
    private final SettingsService settings;
    private final IdempotencyKeys idempotency;

    public MessageRateResource(Pool pool, SettingsService settings, IdempotencyKeys idempotency) {
        this.pool = pool;
        this.settings = settings;
        this.idempotency = idempotency;
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
        return pool.query("SELECT * FROM message_rates ORDER BY calling_code, category, effective_from").execute()
                .map(rows -> {
                    List<MessageRate> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new MessageRate(row.getUUID("id"), row.getString("calling_code"),
                                row.getString("category"), row.getBigDecimal("rate"), row.getString("currency"),
                                row.getLocalDate("effective_from")));
                    }
                    return new MessageRates(items);
                });
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
        if (input == null) {
            throw ProblemException.invalid("body", "a rate object is required");
        }
        return idempotency.around("message-rates", idempotencyKey, input, () -> store(input), MessageRate::id,
                        id -> list().map(rates -> rates.items().stream().filter(rate -> rate.id().equals(id))
                                .findFirst().orElseThrow(() -> ProblemException.notFound("Message rate", id))))
                .map(rate -> Response.created(URI.create("/api/v1/message-rates/" + rate.id())).entity(rate).build());
    }

    private Uni<MessageRate> store(MessageRate input) {
        return settings.get().chain(s -> {
            Validator errors = new Validator();
            errors.require(input.callingCode() != null && input.callingCode().matches("[0-9]{1,3}"), "callingCode",
                    "must be 1-3 digits, e.g. 49");
            errors.require(input.category() != null && CATEGORIES.contains(input.category()), "category",
                    "must be marketing, utility or authentication");
            errors.require(input.rate() != null && input.rate().signum() >= 0, "rate", "is required and >= 0");
            errors.require(input.effectiveFrom() != null, "effectiveFrom", "is required (an ISO date)");
            String currency = input.currency() == null ? s.currency() : input.currency().toUpperCase();
            errors.require(currency.equals(s.currency()), "currency", "must be the workspace currency " + s.currency());
            errors.throwIfInvalid();
            UUID id = UUID.randomUUID();
            // past message fees change with the table: their days are rebuilt by the next recompute
            return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO message_rates (id, calling_code, category,"
                            + " rate, currency, effective_from) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT"
                            + " (calling_code, category, effective_from) DO UPDATE SET rate = excluded.rate,"
                            + " currency = excluded.currency RETURNING id")
                    .execute(Tuple.of(id, input.callingCode(), input.category(), input.rate(), currency,
                            input.effectiveFrom()))
                    .call(() -> DirtyDayRepository.fromUntilToday(tx, input.effectiveFrom())))
                    .map(rows -> {
                        UUID stored = rows.iterator().next().getUUID("id");
                        return new MessageRate(stored, input.callingCode(), input.category(), input.rate(),
                                currency, input.effectiveFrom());
                    });
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMessageRate", summary = "Remove a rate")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rate")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM message_rates WHERE id = $1"
                        + " RETURNING effective_from").execute(Tuple.of(id))
                .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : DirtyDayRepository.fromUntilToday(tx, rows.iterator().next().getLocalDate("effective_from"))))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Message rate", id);
                    }
                    return Response.noContent().build();
                });
    }
}
