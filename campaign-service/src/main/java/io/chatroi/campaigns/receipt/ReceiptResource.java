package io.chatroi.campaigns.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.chatroi.campaigns.webhook.DeliveryService;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.Map;

@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Delivery receipts and the state of each outbound message")
public class ReceiptResource {

    static final int MAX_ITEMS = 1000;

    private final DeliveryService store;
    private final ObjectMapper json;
    private final Clock clock;

    public ReceiptResource(DeliveryService store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Provider-neutral receipts: {"items": [{messageId, status, at, recipient?, errorCode?, errorTitle?, ...}]}. */
    public record ReceiptBatch(List<Receipt> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordReceipts", summary = "Record delivery receipts from another provider", description = "Up to 1,000 per request;"
            + " folded exactly like WhatsApp's (highest state wins, duplicates change nothing). 200 means stored.")
    public Uni<Map<String, Integer>> record(ReceiptBatch batch) {
        if (batch == null || batch.items() == null || batch.items().isEmpty() || batch.items().size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " receipts");
        }
        Validator errors = new Validator();
        for (int i = 0; i < batch.items().size(); i++) {
            Receipt r = batch.items().get(i);
            errors.require(r != null && r.messageId() != null && !r.messageId().isBlank(), "items[" + i + "].messageId",
                    "is required");
            errors.require(r != null && r.status() != null && !r.status().isBlank(), "items[" + i + "].status",
                    "is required");
            errors.require(r != null && r.at() != null, "items[" + i + "].at", "is required (ISO-8601 instant)");
        }
        errors.throwIfInvalid();
        String raw = json.valueToTree(batch).toString();
        return store.store(raw, new WebhookBatch(batch.items(), List.of(), List.of(), List.of()), clock.instant())
                .replaceWith(Map.of("receipts", batch.items().size()));
    }
}
