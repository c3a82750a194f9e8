package io.chatroi.contacts.deal;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of deals made from shop orders: the contact by phone, the order's deal by origin, and its writes. */
@ApplicationScoped
public class OrderDealRepository {

    private static final String CONTACT_BY_PHONES = """
            SELECT id FROM contacts WHERE phone = ANY($1) AND erased_at IS NULL
             ORDER BY array_position($1, phone) LIMIT 1""";
    private static final String DEAL_BY_ORIGIN = "SELECT id, stage FROM deals WHERE origin = $1 FOR UPDATE";
    private static final String INSERT_WON = """
            INSERT INTO deals (id, contact_id, stage, won_at, order_amount, profit, currency, campaign_id, owner,
                               origin, created_at, updated_at)
            VALUES ($1, $2, 'won', $3, $4, $5, $6, $7, $8, $9, $10, $10)""";
    private static final String UPDATE_WON = """
            UPDATE deals SET stage = 'won', won_at = coalesce(won_at, $2), lost_at = NULL, order_amount = $3,
                   profit = $4, currency = $5, campaign_id = coalesce(campaign_id, $6), updated_at = $7
             WHERE id = $1 AND (stage, order_amount, profit, currency) IS DISTINCT FROM ('won', $3, $4, $5)""";
    private static final String UPDATE_LOST = """
            UPDATE deals SET stage = 'lost', won_at = NULL, lost_at = $2, order_amount = 0, profit = 0, updated_at = $3
             WHERE id = $1 AND stage <> 'lost'""";

    /** A deal of an order as it is now. */
    public record OrderDeal(UUID id, String stage) {
    }

    public Uni<Optional<UUID>> contactByPhones(SqlClient tx, List<String> phones) {
        return tx.preparedQuery(CONTACT_BY_PHONES).execute(Tuple.of(phones.toArray(String[]::new)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    public Uni<Optional<OrderDeal>> dealOf(SqlClient tx, String origin) {
        return tx.preparedQuery(DEAL_BY_ORIGIN).execute(Tuple.of(origin)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new OrderDeal(row.getUUID("id"), row.getString("stage")));
        });
    }

    public Uni<Void> insertWon(SqlClient tx, UUID id, UUID contactId, OrderDealInput.Item item, String owner,
                               String origin, Instant now) {
        return tx.preparedQuery(INSERT_WON).execute(Tuple.from(Arrays.asList(id, contactId,
                time(item.paidAt() != null ? item.paidAt() : now), item.revenue(), item.profit(), item.currency(),
                item.campaignId(), owner, origin, time(now)))).replaceWithVoid();
    }

    public Uni<Boolean> updateWon(SqlClient tx, UUID id, OrderDealInput.Item item, Instant now) {
        return tx.preparedQuery(UPDATE_WON).execute(Tuple.from(Arrays.asList(id,
                time(item.paidAt() != null ? item.paidAt() : now), item.revenue(), item.profit(), item.currency(),
                item.campaignId(), time(now)))).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Boolean> markLost(SqlClient tx, UUID id, Instant lostAt, Instant now) {
        return tx.preparedQuery(UPDATE_LOST).execute(Tuple.of(id, time(lostAt), time(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    static boolean isWon(OrderDealInput.Item item) {
        return "paid".equals(item.status()) && item.revenue() != null && item.revenue().compareTo(BigDecimal.ZERO) > 0;
    }
}
