package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.attribution.Attribution;
import io.chatroi.campaigns.attribution.SendCreditRepository;
import io.chatroi.campaigns.attribution.StopSignals;
import io.chatroi.campaigns.chatorder.ChatOrderRepository;
import io.chatroi.campaigns.health.HealthEventService;
import io.chatroi.campaigns.receipt.MessageState;
import io.chatroi.campaigns.receipt.Receipt;
import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one webhook delivery (Meta's, Twilio's or a receipt posted to the API) in one transaction: the raw body,
 * new receipts (duplicates skipped by their unique key), the fold of those receipts into each message's state,
 * inbound messages, preference events, provider errors and account-health events, then the attribution of replies,
 * reactions and opt-outs to the sends they answer.
 */
@ApplicationScoped
public class DeliveryService {

    private final Pool pool;
    private final WebhookRepository repository;
    private final StopSignals stopSignals;
    private final HealthEventService health;
    private final ChatOrderRepository chatOrders;
    private final SendCreditRepository credits;

    public DeliveryService(Pool pool, WebhookRepository repository, StopSignals stopSignals, HealthEventService health,
                           ChatOrderRepository chatOrders, SendCreditRepository credits) {
        this.pool = pool;
        this.repository = repository;
        this.stopSignals = stopSignals;
        this.health = health;
        this.chatOrders = chatOrders;
        this.credits = credits;
    }

    public Uni<Void> store(String body, WebhookBatch batch, Instant receivedAt) {
        return pool.withTransaction(tx -> repository.insertDelivery(tx, body, batch.receipts().size(),
                        batch.messages().size(), receivedAt)
                .chain(deliveryId -> insertReceipts(tx, batch.receipts(), deliveryId, receivedAt))
                .chain(fresh -> fold(tx, fresh, receivedAt).chain(() -> GroupAndUserFold.apply(repository, tx, fresh,
                        receivedAt)))
                .chain(() -> batch.messages().isEmpty() ? Uni.createFrom().voidItem()
                        : repository.insertMessages(tx, batch.messages(), receivedAt))
                .chain(() -> chatOrders.store(tx, batch.messages(), receivedAt))
                .chain(() -> batch.preferences().isEmpty() ? Uni.createFrom().voidItem()
                        : repository.insertPreferences(tx, batch.preferences(), receivedAt))
                // keyed by the delivery's content and their place in it, so Meta's retry of the same delivery
                // stores nothing new while the same error in a later delivery is counted again
                .chain(() -> batch.errors().isEmpty() ? Uni.createFrom().voidItem()
                        : repository.insertErrors(tx, DeliveryKey.of(body), batch.errors(), receivedAt))
                .chain(() -> batch.healthEvents().isEmpty() ? Uni.createFrom().voidItem()
                        : health.store(tx, DeliveryKey.of(body), batch.healthEvents(), receivedAt))
                .chain(() -> attribute(tx, batch, receivedAt)));
    }

    /**
     * Credits replies, reactions and opt-outs (a stop button or word, or a user_preferences stop) to the sends they
     * answer. What counts as a reply or as engagement is {@link MessageKind}'s decision; a system notice, revoke,
     * edit or unsupported message credits nothing.
     */
    private Uni<Void> attribute(SqlClient tx, WebhookBatch batch, Instant now) {
        List<Attribution.Event> replies = new ArrayList<>();
        List<Attribution.Event> reactions = new ArrayList<>();
        List<Attribution.Event> optOuts = new ArrayList<>();
        for (WebhookBatch.InboundMessage m : batch.messages()) {
            Attribution.Event event = new Attribution.Event(m.from(), m.at(), m.messageId(), m.contextId(),
                    m.fromUserId());
            MessageKind kind = MessageKind.of(m.type());
            if (kind.reply()) {
                (stopSignals.isStop(m.payload(), m.text()) ? optOuts : replies).add(event);
            } else if (kind.engagement()) {
                reactions.add(event);
            }
        }
        batch.preferences().stream().filter(p -> "stop".equals(p.value()))
                .forEach(p -> optOuts.add(new Attribution.Event(p.phone(), p.at(), null, null, p.userId())));
        return credits.replies(tx, replies, now).chain(() -> credits.reactions(tx, reactions, now))
                .chain(() -> credits.optOuts(tx, optOuts, now)).replaceWithVoid();
    }

    /** Inserts the receipts and returns those that were new (not seen in an earlier or the same delivery). */
    private Uni<List<Receipt>> insertReceipts(SqlClient tx, List<Receipt> receipts, long deliveryId,
                                              Instant receivedAt) {
        if (receipts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return repository.insertReceipts(tx, receipts, deliveryId, receivedAt).map(inserted -> {
            List<Receipt> fresh = new ArrayList<>();
            for (Receipt receipt : receipts) {
                if (inserted.remove(WebhookRepository.receiptKey(receipt))) {
                    fresh.add(receipt);
                }
            }
            return fresh;
        });
    }

    /** Folds the new receipts into their messages' states, locked in id order. */
    private Uni<Void> fold(SqlClient tx, List<Receipt> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<Receipt>> byMessage = new TreeMap<>();
        fresh.forEach(r -> byMessage.computeIfAbsent(r.messageId(), id -> new ArrayList<>()).add(r));
        return repository.lockStates(tx, byMessage.keySet().toArray(String[]::new), now).chain(locked -> {
            List<MessageState> states = new ArrayList<>();
            for (MessageState state : locked) {
                for (Receipt receipt : byMessage.get(state.messageId())) {
                    state = state.apply(receipt);
                }
                states.add(state);
            }
            return repository.updateStates(tx, states, now);
        });
    }
}
