package io.chatroi.campaigns.receipt;

import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/message-states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Delivery receipts and the state of each outbound message")
public class MessageStateResource {

    private final MessageStateService states;

    public MessageStateResource(MessageStateService states) {
        this.states = states;
    }

    /**
     * The folded state of one outbound message and every receipt behind it, oldest first. {@code recipientUserId}
     * is the recipient's WhatsApp business-scoped user id when Meta named one. For a message sent to a group,
     * {@code recipient} is the group, each member's statuses are receipts with their {@code participant}, and
     * {@code participantsReached} and {@code participantsRead} count the members it was delivered to and read by
     * (both null for a message to one person).
     */
    public record MessageStateView(
            String messageId,
            @Schema(nullable = true) String recipient,
            @Schema(nullable = true) String status,
            @Schema(nullable = true) Instant sentAt,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(nullable = true) Instant readAt,
            @Schema(nullable = true) Instant playedAt,
            @Schema(nullable = true) Instant failedAt,
            @Schema(nullable = true) Integer errorCode,
            @Schema(nullable = true) String errorTitle,
            @Schema(nullable = true) String pricingCategory,
            @Schema(nullable = true) Boolean billable,
            @Schema(nullable = true) String pricingType,
            List<ReceiptView> receipts,
            @Schema(nullable = true, example = "US.13491208655302741918") String recipientUserId,
            @Schema(nullable = true) Integer participantsReached,
            @Schema(nullable = true) Integer participantsRead) {
    }

    public record ReceiptView(
            String status,
            Instant at,
            @Schema(nullable = true) Integer errorCode,
            @Schema(nullable = true) String errorTitle,
            Instant receivedAt,
            @Schema(nullable = true, description = "The group member (phone, else business-scoped user id) a status"
                    + " of a group message is about") String participant) {
    }

    @GET
    @Operation(operationId = "findMessageState", summary = "Where one outbound message stands, by a query parameter", description = "The same as"
            + " /{messageId}, for any stored id: Meta's ids are base64 and may hold '/' or '+', which a path segment"
            + " cannot carry (encoded slashes are refused), while ?messageId= can (percent-encoded).")
    @APIResponse(responseCode = "400", description = "messageId is missing")
    @APIResponse(responseCode = "404", description = "No receipt was ever seen for this message id")
    @APIResponse(responseCode = "200", description = "The message state and its receipts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageStateView.class)))
    public Uni<MessageStateView> byQuery(@QueryParam("messageId") String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw ProblemException.invalid("messageId", "is required");
        }
        return get(messageId);
    }

    @GET
    @Path("/{messageId}")
    @Operation(operationId = "getMessageState", summary = "Where one outbound message stands", description = "The fold of all its receipts (highest"
            + " state wins, a later state implies the earlier ones) and the receipts themselves.")
    @APIResponse(responseCode = "404", description = "No receipt was ever seen for this message id")
    @APIResponse(responseCode = "200", description = "The message state and its receipts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageStateView.class)))
    public Uni<MessageStateView> get(@PathParam("messageId") String messageId) {
        return states.find(messageId);
    }

}
