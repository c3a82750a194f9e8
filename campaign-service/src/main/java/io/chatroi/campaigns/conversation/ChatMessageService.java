package io.chatroi.campaigns.conversation;

import io.chatroi.campaigns.attribution.Attribution;
import io.chatroi.campaigns.attribution.SendCreditRepository;
import io.chatroi.campaigns.attribution.StopSignals;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Logs chat messages from other inboxes: valid items are stored in one transaction (bad ones reported by index,
 * never half-written), inbound ones are credited as replies (or opt-outs) to the campaign sends they answer, and
 * all are forwarded to contacts-service by the outbox so tiers and opt-out words apply there.
 */
@ApplicationScoped
public class ChatMessageService {

    static final int MAX_ITEMS = 1000;
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");

    private final Pool pool;
    private final ConversationRepository repository;
    private final StopSignals stopSignals;
    private final SendCreditRepository credits;
    private final Clock clock;

    public ChatMessageService(Pool pool, ConversationRepository repository, StopSignals stopSignals,
                              SendCreditRepository credits, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.stopSignals = stopSignals;
        this.credits = credits;
        this.clock = clock;
    }

    private record Valid(UUID id, ChatMessages.Item item, String phone) {
    }

    public Uni<ChatMessages.Result> log(ChatMessages.Request request) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " messages");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "at most " + MAX_ITEMS + " messages per request");
        }
        List<Valid> valid = new ArrayList<>();
        List<ChatMessages.Rejection> rejected = new ArrayList<>();
        Instant latest = clock.instant().plusSeconds(300);
        for (int i = 0; i < request.items().size(); i++) {
            ChatMessages.Item item = request.items().get(i);
            String problem = null;
            String field = null;
            String phone = item == null ? null : PhoneNumbers.e164(item.phone(), null);
            if (item == null) {
                field = "items";
                problem = "must be a message";
            } else if (item.direction() == null || !DIRECTIONS.contains(item.direction())) {
                field = "direction";
                problem = "must be inbound or outbound";
            } else if (phone == null) {
                field = "phone";
                problem = "must be a valid phone number in international format";
            } else if (item.at() == null || item.at().isAfter(latest)) {
                field = "at";
                problem = "must be an ISO-8601 instant, not in the future";
            } else if (item.text() != null && item.text().length() > 4096) {
                field = "text";
                problem = "at most 4,096 characters";
            }
            if (problem != null) {
                rejected.add(new ChatMessages.Rejection(i, field, problem));
            } else {
                valid.add(new Valid(UUID.randomUUID(), item, phone));
            }
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(new ChatMessages.Result(0, 0, rejected));
        }
        Instant now = clock.instant();
        return pool.withTransaction(tx -> repository.insertChatMessages(tx, valid.stream()
                .map(v -> new ConversationRepository.ChatMessage(v.id(), v.item(), v.phone())).toList(), now).chain(insertedIds -> {
            List<Attribution.Event> replies = new ArrayList<>();
            List<Attribution.Event> optOuts = new ArrayList<>();
            for (Valid v : valid) {
                if (insertedIds.contains(v.id()) && "inbound".equals(v.item().direction())) {
                    Attribution.Event event = new Attribution.Event(v.phone(), v.item().at(),
                            v.item().externalId(), null);
                    (stopSignals.isStop(null, v.item().text()) ? optOuts : replies).add(event);
                }
            }
            return credits.replies(tx, replies, now).chain(() -> credits.optOuts(tx, optOuts, now))
                    .replaceWith(new ChatMessages.Result(insertedIds.size(), valid.size() - insertedIds.size(),
                            rejected));
        }));
    }
}
