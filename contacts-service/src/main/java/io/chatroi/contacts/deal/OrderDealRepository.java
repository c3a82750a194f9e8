package io.chatroi.contacts.deal;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of deals made from shop orders, one statement per step for a whole forwarded batch (not per order): the
 * contacts by phone, the orders' deals by origin, and their writes.
 */
@ApplicationScoped
public class OrderDealRepository {

    /** Per item, the contact holding the first of its phones (best first) that any live contact holds. */
    private static final String CONTACTS_BY_PHONES = """
            SELECT DISTINCT ON (p.item) p.item, c.id
              FROM unnest($1::int[], $2::text[], $3::int[]) AS p (item, phone, rank)
              JOIN contacts c ON c.phone = p.phone AND c.erased_at IS NULL
             ORDER BY p.item, p.rank""";
    private static final String DEALS_BY_ORIGIN = "SELECT id, stage, origin FROM deals WHERE origin = ANY($1) FOR UPDATE";
    private static final String INSERT_WON = """
            INSERT INTO deals (id, contact_id, stage, won_at, order_amount, profit, currency, campaign_id, owner,
                               origin, created_at, updated_at)
            SELECT d.id, d.contact_id, 'won', d.won_at, d.amount, d.profit, d.currency, d.campaign_id, d.owner,
                   d.origin, $10, $10
              FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::numeric[], $5::numeric[], $6::text[],
                          $7::uuid[], $8::text[], $9::text[])
                   AS d (id, contact_id, won_at, amount, profit, currency, campaign_id, owner, origin)""";
    private static final String UPDATE_WON = """
            UPDATE deals d SET stage = 'won', won_at = coalesce(d.won_at, u.won_at), lost_at = NULL,
                   order_amount = u.amount, profit = u.profit, currency = u.currency,
                   campaign_id = coalesce(d.campaign_id, u.campaign_id), updated_at = $7
              FROM unnest($1::uuid[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::text[], $6::uuid[])
                   AS u (id, won_at, amount, profit, currency, campaign_id)
             WHERE d.id = u.id AND (d.stage, d.order_amount, d.profit, d.currency)
                   IS DISTINCT FROM ('won', u.amount, u.profit, u.currency::char(3))
            RETURNING d.id""";
    private static final String MARK_LOST = """
            UPDATE deals d SET stage = 'lost', won_at = NULL, lost_at = u.lost_at, order_amount = 0, profit = 0,
                   updated_at = $3
              FROM unnest($1::uuid[], $2::timestamptz[]) AS u (id, lost_at)
             WHERE d.id = u.id AND d.stage <> 'lost'
            RETURNING d.id""";

    /** A deal of an order as it is now. */
    public record OrderDeal(UUID id, String stage) {
    }

    /** A won deal to insert for an order that had none. */
    record NewWon(UUID id, UUID contactId, OrderDealInput.Item item, String owner, String origin) {
    }

    /** Per item index, the contact matched by the item's phones (each list best first); unmatched items are absent. */
    public Uni<Map<Integer, UUID>> contactsByPhones(SqlClient tx, List<List<String>> phones) {
        List<Integer> items = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            for (int rank = 0; rank < phones.get(i).size(); rank++) {
                items.add(i);
                all.add(phones.get(i).get(rank));
                ranks.add(rank);
            }
        }
        if (all.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return tx.preparedQuery(CONTACTS_BY_PHONES).execute(Tuple.of(items.toArray(Integer[]::new),
                all.toArray(String[]::new), ranks.toArray(Integer[]::new))).map(rows -> {
            Map<Integer, UUID> matched = new HashMap<>();
            rows.forEach(row -> matched.put(row.getInteger("item"), row.getUUID("id")));
            return matched;
        });
    }

    /** The existing deals of these origins, locked for the rest of the transaction. */
    public Uni<Map<String, OrderDeal>> dealsOf(SqlClient tx, List<String> origins) {
        if (origins.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery(DEALS_BY_ORIGIN).execute(Tuple.of(origins.toArray(String[]::new))).map(rows -> {
            Map<String, OrderDeal> deals = new HashMap<>();
            for (Row row : rows) {
                deals.put(row.getString("origin"), new OrderDeal(row.getUUID("id"), row.getString("stage")));
            }
            return deals;
        });
    }

    public Uni<Void> insertWon(SqlClient tx, List<NewWon> deals, Instant now) {
        if (deals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = deals.size();
        UUID[] ids = new UUID[n];
        UUID[] contacts = new UUID[n];
        OffsetDateTime[] wonAt = new OffsetDateTime[n];
        BigDecimal[] amounts = new BigDecimal[n];
        BigDecimal[] profits = new BigDecimal[n];
        String[] currencies = new String[n];
        UUID[] campaigns = new UUID[n];
        String[] owners = new String[n];
        String[] origins = new String[n];
        for (int i = 0; i < n; i++) {
            NewWon deal = deals.get(i);
            OrderDealInput.Item item = deal.item();
            ids[i] = deal.id();
            contacts[i] = deal.contactId();
            wonAt[i] = time(item.paidAt() != null ? item.paidAt() : now);
            amounts[i] = item.revenue();
            profits[i] = item.profit();
            currencies[i] = item.currency();
            campaigns[i] = item.campaignId();
            owners[i] = deal.owner();
            origins[i] = deal.origin();
        }
        return tx.preparedQuery(INSERT_WON).execute(Tuple.from(new Object[]{ids, contacts, wonAt, amounts, profits,
                currencies, campaigns, owners, origins, time(now)})).replaceWithVoid();
    }

    /** Moves these deals (id to its order) to won with the order's money; returns the ids that changed. */
    public Uni<Set<UUID>> updateWon(SqlClient tx, Map<UUID, OrderDealInput.Item> deals, Instant now) {
        if (deals.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = deals.size();
        UUID[] ids = new UUID[n];
        OffsetDateTime[] wonAt = new OffsetDateTime[n];
        BigDecimal[] amounts = new BigDecimal[n];
        BigDecimal[] profits = new BigDecimal[n];
        String[] currencies = new String[n];
        UUID[] campaigns = new UUID[n];
        int i = 0;
        for (Map.Entry<UUID, OrderDealInput.Item> deal : deals.entrySet()) {
            OrderDealInput.Item item = deal.getValue();
            ids[i] = deal.getKey();
            wonAt[i] = time(item.paidAt() != null ? item.paidAt() : now);
            amounts[i] = item.revenue();
            profits[i] = item.profit();
            currencies[i] = item.currency();
            campaigns[i] = item.campaignId();
            i++;
        }
        return tx.preparedQuery(UPDATE_WON).execute(Tuple.from(new Object[]{ids, wonAt, amounts, profits, currencies,
                campaigns, time(now)})).map(OrderDealRepository::ids);
    }

    /** Marks these deals (id to the time it was lost) lost; returns the ids that changed. */
    public Uni<Set<UUID>> markLost(SqlClient tx, Map<UUID, Instant> deals, Instant now) {
        if (deals.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = deals.keySet().toArray(UUID[]::new);
        OffsetDateTime[] lostAt = new OffsetDateTime[ids.length];
        for (int i = 0; i < ids.length; i++) {
            lostAt[i] = time(deals.get(ids[i]));
        }
        return tx.preparedQuery(MARK_LOST).execute(Tuple.of(ids, lostAt, time(now))).map(OrderDealRepository::ids);
    }

    private static Set<UUID> ids(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    static boolean isWon(OrderDealInput.Item item) {
        return "paid".equals(item.status()) && item.revenue() != null && item.revenue().compareTo(BigDecimal.ZERO) > 0;
    }
}
