package io.chatroi.campaigns.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * The sender number's messages-per-second budget, shared by all replicas through one row: a replica takes what it
 * wants from the current second's remainder, so the configured rate holds however many replicas dispatch.
 */
@ApplicationScoped
public class SendBudget {

    private static final String TAKE = "WITH old AS (SELECT window_second, CASE WHEN window_second = $1 THEN used"
            + " ELSE 0 END AS used FROM send_budget WHERE id = 1 FOR UPDATE)"
            + " UPDATE send_budget b SET window_second = $1, used = old.used + least($2, greatest($3 - old.used, 0))"
            + " FROM old WHERE b.id = 1 RETURNING b.used - old.used AS granted";

    private final Pool pool;
    private final int ratePerSecond;

    public SendBudget(Pool pool, @ConfigProperty(name = "chatroi.dispatcher.rate-per-second") int ratePerSecond) {
        this.pool = pool;
        this.ratePerSecond = ratePerSecond;
    }

    /** Up to {@code wanted} sends from the budget of the second {@code now} falls in; 0 when it is spent. */
    public Uni<Integer> take(int wanted, Instant now) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(now.getEpochSecond(), wanted, ratePerSecond))
                .map(rows -> rows.iterator().next().getInteger("granted"));
    }
}
