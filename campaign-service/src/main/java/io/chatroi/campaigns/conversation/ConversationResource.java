package io.chatroi.campaigns.conversation;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.PageLimit;
import io.chatroi.common.web.QueryInstants;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations", description = "Conversations grouped by the 24-hour rule, and chat messages logged from other tools")
public class ConversationResource {

    private final ConversationService conversations;

    public ConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    @Operation(operationId = "listConversations", summary = "Conversations of a contact or an agent", description = "Messages (WhatsApp inbound,"
            + " campaign sends, logged chats) grouped by the 24-hour rule, each with firstResponseSeconds and turns."
            + " Give contactId (its phone and WhatsApp BSUID), phone, userId (a BSUID, for a user known by username"
            + " alone) or agent; from/to default to the last 30 days. Newest first.")
    @APIResponse(responseCode = "400", description = "No contactId, phone, userId or agent; or a bad range")
    @APIResponse(responseCode = "404", description = "Unknown contact")
    @APIResponse(responseCode = "200", description = "A page of conversations")
    public Uni<Page<Conversations.Conversation>> list(@QueryParam("contactId") UUID contactId,
                                                      @QueryParam("phone") String phone,
                                                      @QueryParam("userId") String userId,
                                                      @QueryParam("agent") String agent,
                                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                                      @QueryParam("limit") Integer limit,
                                                      @QueryParam("after") String after) {
        return conversations.list(contactId, phone, userId, agent, QueryInstants.parse(from, "from"),
                QueryInstants.parse(to, "to"), after, PageLimit.of(limit));
    }
}
