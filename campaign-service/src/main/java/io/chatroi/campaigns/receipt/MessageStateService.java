package io.chatroi.campaigns.receipt;

import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Where one outbound message stands, read in one transaction so its state and its receipts agree. */
@ApplicationScoped
public class MessageStateService {

    private final Pool pool;
    private final ReceiptRepository repository;

    public MessageStateService(Pool pool, ReceiptRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<MessageStateResource.MessageStateView> find(String messageId) {
        return pool.withTransaction(tx -> repository.messageState(tx, messageId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Message", messageId)));
    }
}
