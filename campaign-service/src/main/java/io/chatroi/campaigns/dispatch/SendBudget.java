package io.chatroi.campaigns.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * The sender number's messages-per-second budget, shared by all replicas through one row: a replica takes what it
 * wants from the current second's remainder, so the configured rate holds however many replicas dispatch.
 */
@ApplicationScoped
public class SendBudget {

    private final Pool pool;
    private final int ratePerSecond;

    public SendBudget(Pool pool, @ConfigProperty(name = "chatroi.dispatcher.rate-per-second") int ratePerSecond) {
        this.pool = pool;
        this.ratePerSecond = ratePerSecond;
    }

    /** Up to {@code wanted} sends from the budget of the second {@code now} falls in; 0 when it is spent. */
    public Uni<Integer> take(int wanted, Instant now) {
        return DispatchRepository.takeBudget(pool, wanted, ratePerSecond, now);
    }
}
