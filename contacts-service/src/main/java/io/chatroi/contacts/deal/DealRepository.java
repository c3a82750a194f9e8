package io.chatroi.contacts.deal;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for deals entered by people and integrators (the deals table); every method runs on the client it is given. */
@ApplicationScoped
public class DealRepository {

    private static final String COLUMNS = """
            id, contact_id, stage, inquiry_at, quoted_at, quote_amount, won_at, lost_at, order_amount, profit,
            currency, campaign_id, owner, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO deals (%s)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)""".formatted(COLUMNS);

    private static final String FIND = """
            SELECT %s, origin FROM deals WHERE id = $1""".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = """
            SELECT %s, origin FROM deals WHERE id = $1 FOR UPDATE""".formatted(COLUMNS);

    private static final String OWNER = """
            SELECT owner FROM deals WHERE id = $1""";

    private static final String UPDATE = """
            UPDATE deals SET stage = $2, inquiry_at = $3, quoted_at = $4, quote_amount = $5, won_at = $6, lost_at = $7,
                   order_amount = $8, profit = $9, currency = $10, campaign_id = $11, owner = $12, updated_at = $13
             WHERE id = $1""";

    private static final String WON_COUNT = """
            SELECT count(*) AS won FROM deals WHERE contact_id = $1 AND stage = 'won'""";

    private static final String WON_COUNTS = """
            SELECT contact_id, count(*) AS won FROM deals WHERE contact_id = ANY($1) AND stage = 'won'
             GROUP BY contact_id""";

    /** A contact's latest open inquiry in {@code $2}'s currency or in none, locked for the order it takes. */
    private static final String OPEN_INQUIRY = """
            SELECT id FROM deals WHERE contact_id = $1 AND stage = 'inquiry' AND ($2::text IS NULL OR currency IS NULL
                OR currency = $2) ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE""";
    private static final String UPDATE_INQUIRY = """
            UPDATE deals SET order_amount = coalesce($2, order_amount), currency = coalesce($3, currency),
                   campaign_id = coalesce(campaign_id, $4), updated_at = $5 WHERE id = $1""";
    private static final String INSERT_INQUIRY = """
            INSERT INTO deals (id, contact_id, stage, inquiry_at, order_amount, currency, campaign_id, owner, origin,
                               created_at, updated_at)
            VALUES ($1, $2, 'inquiry', $3, $4, $5, $6, $7, $8, $9, $9)""";

    /** A list's statement: {where} holds its conditions ("TRUE" for none), the rest its keyset order. */
    private static final String LIST = """
            SELECT %s, origin FROM deals WHERE {where}
             ORDER BY {sort} {direction}, id {direction} LIMIT {limit}""".formatted(COLUMNS);

    // a list's optional conditions, each %s a bound placeholder
    private static final String BY_CONTACT = """
            contact_id = %s""";
    private static final String BY_OWNER = """
            owner = %s""";
    private static final String BY_STAGE = """
            stage = %s""";
    private static final String UPDATED_AFTER = """
            updated_at > %s""";
    /** Sync pages by (updated_at, id) ascending; the default list by (created_at, id) newest first. */
    private static final String SYNC_AFTER = """
            (updated_at, id) > (%s, %s)""";
    private static final String NEWEST_AFTER = """
            (created_at, id) < (%s, %s)""";
    private static final String AND = """
             AND \
            """;

    public Uni<Void> insert(SqlClient tx, UUID id, UUID contactId, DealState state, UUID campaignId, String owner,
                            Instant now) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, contactId, state.stage().wire(),
                time(state.inquiryAt()), time(state.quotedAt()), state.quoteAmount(), time(state.wonAt()),
                time(state.lostAt()), state.orderAmount(), state.profit(), state.currency(), campaignId, owner,
                time(now)))).replaceWithVoid();
    }

    public Uni<Optional<Deal>> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Deal.from(rows.iterator().next())));
    }

    /** {@link #find}, locking the deal until the transaction ends. */
    public Uni<Optional<Deal>> findForUpdate(SqlClient tx, UUID id) {
        return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Deal.from(rows.iterator().next())));
    }

    public Uni<Void> update(SqlClient tx, UUID id, DealState next, UUID campaignId, String owner, Instant now) {
        return tx.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, next.stage().wire(),
                time(next.inquiryAt()), time(next.quotedAt()), next.quoteAmount(), time(next.wonAt()),
                time(next.lostAt()), next.orderAmount(), next.profit(), next.currency(), campaignId, owner,
                time(now)))).replaceWithVoid();
    }

    /** The owner of deal {@code id}; empty when the deal does not exist or has no owner. */
    public Uni<Optional<String>> findOwner(SqlClient client, UUID id) {
        return client.preparedQuery(OWNER).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getString("owner")));
    }

    /** How many won deals the contact has. */
    public Uni<Integer> wonCount(SqlClient tx, UUID contactId) {
        return tx.preparedQuery(WON_COUNT).execute(Tuple.of(contactId))
                .map(rows -> rows.iterator().next().getLong("won").intValue());
    }

    /** How many won deals each contact has (absent: none). */
    public Uni<Map<UUID, Integer>> wonCounts(SqlClient tx, List<UUID> contactIds) {
        return tx.preparedQuery(WON_COUNTS).execute(Tuple.of(contactIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, Integer> won = new HashMap<>();
            rows.forEach(row -> won.put(row.getUUID("contact_id"), row.getLong("won").intValue()));
            return won;
        });
    }

    /**
     * A page of deals plus one row: changed after {@code updatedAfter} by (updatedAt, id) when it is given (sync),
     * otherwise newest first by (createdAt, id); each other argument, when given, narrows the list.
     */
    public Uni<List<Deal>> list(SqlClient client, UUID contactId, String owner, String stage, Instant updatedAfter,
                                TimeIdCursor after, int limit) {
        boolean sync = updatedAfter != null;
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        if (contactId != null) {
            where.add(BY_CONTACT.formatted(params.bind(contactId)));
        }
        if (owner != null) {
            where.add(BY_OWNER.formatted(params.bind(owner)));
        }
        if (stage != null) {
            where.add(BY_STAGE.formatted(params.bind(stage)));
        }
        if (sync) {
            where.add(UPDATED_AFTER.formatted(params.bind(updatedAfter)));
        }
        if (after != null) {
            where.add((sync ? SYNC_AFTER : NEWEST_AFTER).formatted(params.bind(after.at()), params.bind(after.id())));
        }
        String sql = LIST.replace("{where}", where.isEmpty() ? "TRUE" : String.join(AND, where))
                .replace("{sort}", sync ? "updated_at" : "created_at").replace("{direction}", sync ? "ASC" : "DESC")
                .replace("{limit}", params.bind(limit + 1));
        return client.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Deal> deals = new ArrayList<>();
            for (Row row : rows) {
                deals.add(Deal.from(row));
            }
            return deals;
        });
    }

    /** The contact's latest open inquiry in {@code currency} or in none, locked; empty when it has none. */
    public Uni<Optional<UUID>> lockOpenInquiry(SqlClient tx, UUID contactId, String currency) {
        return tx.preparedQuery(OPEN_INQUIRY).execute(Tuple.of(contactId, currency))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /** An inquiry takes an order's amount and currency, and its campaign when it has none. */
    public Uni<Void> updateInquiry(SqlClient tx, UUID id, BigDecimal amount, String currency, UUID campaignId,
                                   Instant now) {
        return tx.preparedQuery(UPDATE_INQUIRY).execute(Tuple.from(Arrays.asList(id, amount, currency, campaignId,
                time(now)))).replaceWithVoid();
    }

    public Uni<Void> insertInquiry(SqlClient tx, UUID id, UUID contactId, Instant at, BigDecimal amount,
                                   String currency, UUID campaignId, String owner, String origin, Instant now) {
        return tx.preparedQuery(INSERT_INQUIRY).execute(Tuple.from(Arrays.asList(id, contactId, time(at), amount,
                currency, campaignId, owner, origin, time(now)))).replaceWithVoid();
    }
}
