package io.chatroi.campaigns.conversation;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations", description = "Conversations grouped by the 24-hour rule, and chat messages logged from other tools")
public class MessageResource {

    private final ChatMessageService messages;

    public MessageResource(ChatMessageService messages) {
        this.messages = messages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logMessages", summary = "Log one-to-one chat messages in bulk", description = "Up to 1,000 messages from other"
            + " inboxes: direction (inbound | outbound), phone (international format), agent (owner name, for"
            + " outbound), at, text, externalId (makes re-logging harmless). Valid items are stored together; bad"
            + " ones are reported by index. They count for conversations, response times and turns, credit replies"
            + " to campaign sends, and reach contacts-service (tiers, opt-out words).")
    @APIResponse(responseCode = "200", description = "{accepted, duplicates, rejected: [{index, field, reason}]}")
    @APIResponse(responseCode = "400", description = "No items, or more than 1,000")
    public Uni<ChatMessages.Result> log(ChatMessages.Request request) {
        return messages.log(request);
    }
}
