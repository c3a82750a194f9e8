package io.chatroi.campaigns.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Groups a contact's messages into conversations by WhatsApp's 24-hour rule: a gap of more than 24 hours between
 * two messages starts a new conversation. Per conversation: the first response time (from the first inbound
 * message to the next outbound one) and turns (outbound messages answered by an inbound one; runs of messages in
 * one direction count once).
 */
public final class Conversations {

    public static final Duration GAP = Duration.ofHours(24);

    /**
     * One message: {@code source} whatsapp (webhook), campaign (a send) or logged (POST /api/v1/messages).
     * {@code phone} is null for a WhatsApp user known by username alone, named by {@code whatsappUserId} (BSUID).
     */
    public record Message(
            String direction,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String whatsappUserId,
            @Schema(nullable = true) String agent,
            Instant at,
            @Schema(nullable = true) String text,
            @Schema(nullable = true) String source) {
    }

    public record Conversation(
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String whatsappUserId,
            Instant startedAt,
            Instant endedAt,
            int messages,
            int inbound,
            int outbound,
            int turns,
            @Schema(nullable = true) Long firstResponseSeconds,
            List<String> agents,
            List<Message> items) {
    }

    private Conversations() {
    }

    /** Conversations of messages ordered by person (phone, else BSUID), then time. */
    public static List<Conversation> group(List<Message> ordered) {
        List<Conversation> conversations = new ArrayList<>();
        List<Message> current = new ArrayList<>();
        for (Message message : ordered) {
            if (!current.isEmpty()) {
                Message previous = current.get(current.size() - 1);
                boolean samePhone = java.util.Objects.equals(previous.phone(), message.phone())
                        && java.util.Objects.equals(previous.whatsappUserId(), message.whatsappUserId());
                if (!samePhone || Duration.between(previous.at(), message.at()).compareTo(GAP) > 0) {
                    conversations.add(summarise(current));
                    current = new ArrayList<>();
                }
            }
            current.add(message);
        }
        if (!current.isEmpty()) {
            conversations.add(summarise(current));
        }
        return conversations;
    }

    static Conversation summarise(List<Message> messages) {
        int inbound = 0;
        int turns = 0;
        Instant firstInbound = null;
        Long firstResponse = null;
        String previousDirection = null;
        Set<String> agents = new LinkedHashSet<>();
        for (Message m : messages) {
            boolean isInbound = "inbound".equals(m.direction());
            if (isInbound) {
                inbound++;
                if (firstInbound == null) {
                    firstInbound = m.at();
                }
                if ("outbound".equals(previousDirection)) {
                    turns++;
                }
            } else {
                if (m.agent() != null) {
                    agents.add(m.agent());
                }
                if (firstInbound != null && firstResponse == null) {
                    firstResponse = Duration.between(firstInbound, m.at()).toSeconds();
                }
            }
            previousDirection = m.direction();
        }
        return new Conversation(messages.get(0).phone(), messages.get(0).whatsappUserId(), messages.get(0).at(), messages.get(messages.size() - 1).at(),
                messages.size(), inbound, messages.size() - inbound, turns, firstResponse, List.copyOf(agents),
                List.copyOf(messages));
    }
}
