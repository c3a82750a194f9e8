package io.chatroi.metrics.cost;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTemplate.fill;
import static io.chatroi.common.sql.SqlTimes.time;

/** Entered costs (costs), read as {@link Cost#from} expects. Each method runs on the client (or transaction) given. */
final class CostRepository {

    /** created_at and updated_at are both {@code now} ($13). */
    private static final String INSERT = """
            INSERT INTO costs (id, category, kind, amount, currency, period_start, period_end, campaign_id, owner,
              hours, hourly_rate, description, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)""";

    private static final String UPDATE = """
            UPDATE costs SET category = $2, kind = $3, amount = $4, currency = $5,
              period_start = $6, period_end = $7, campaign_id = $8, owner = $9, hours = $10,
              hourly_rate = $11, description = $12, updated_at = $13 WHERE id = $1""";

    private static final String DELETE = "DELETE FROM costs WHERE id = $1";

    private static final String GET = """
            SELECT id, category, kind, amount, currency, period_start, period_end, campaign_id, owner,
              hours, hourly_rate, description, created_at, updated_at FROM costs WHERE id = $1""";

    /** Newest first; {where} empty or " WHERE " and the conditions below joined with AND. */
    private static final String LIST = """
            SELECT id, category, kind, amount, currency, period_start, period_end, campaign_id, owner,
              hours, hourly_rate, description, created_at, updated_at FROM costs{where}
            ORDER BY created_at DESC, id DESC{limit}""";
    private static final String LIMIT = " LIMIT {rows}";
    private static final String WHERE = " WHERE {conditions}";
    private static final String ENDS_FROM = "period_end >= {value}";
    private static final String STARTS_BY = "period_start <= {value}";
    private static final String CATEGORY = "category = {value}";
    private static final String KIND = "kind = {value}";
    private static final String CAMPAIGN = "campaign_id = {value}";
    private static final String OWNER = "owner = {value}";
    private static final String AFTER = "(created_at, id) < ({at}, {id})";

    private CostRepository() {
    }

    static Uni<Void> insert(SqlClient tx, UUID id, CostRules.Valid valid, CostInput input, Instant now) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, valid.category(), valid.kind(),
                valid.amount(), valid.currency(), valid.periodStart(), valid.periodEnd(), input.campaignId(),
                input.owner(), valid.hours(), valid.hourlyRate(), input.description(), time(now)))).replaceWithVoid();
    }

    /** How many rows were replaced (0: no such cost). */
    static Uni<Integer> update(SqlClient client, UUID id, CostRules.Valid valid, CostInput input, Instant now) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, valid.category(), valid.kind(),
                valid.amount(), valid.currency(), valid.periodStart(), valid.periodEnd(), input.campaignId(),
                input.owner(), valid.hours(), valid.hourlyRate(), input.description(), time(now))))
                .map(RowSet::rowCount);
    }

    /** How many rows were deleted (0: no such cost). */
    static Uni<Integer> delete(SqlClient client, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(id)).map(RowSet::rowCount);
    }

    static Uni<RowSet<Row>> get(SqlClient client, UUID id) {
        return client.preparedQuery(GET).execute(Tuple.of(id));
    }

    /** Up to {@code rows} costs (every one when null), newest first; each part of the filter only when given. */
    static Uni<RowSet<Row>> list(SqlClient client, CostFilter filter, TimeIdCursor after, Integer rows) {
        SqlParams sql = new SqlParams();
        List<String> conditions = new ArrayList<>();
        add(conditions, sql, ENDS_FROM, filter.from());
        add(conditions, sql, STARTS_BY, filter.to());
        add(conditions, sql, CATEGORY, filter.category());
        add(conditions, sql, KIND, filter.kind());
        add(conditions, sql, CAMPAIGN, filter.campaignId());
        add(conditions, sql, OWNER, filter.owner());
        if (after != null) {
            conditions.add(fill(AFTER, "at", sql.bind(time(after.at())), "id", sql.bind(after.id())));
        }
        String where = conditions.isEmpty() ? "" : fill(WHERE, "conditions", String.join(" AND ", conditions));
        String limit = rows == null ? "" : fill(LIMIT, "rows", Integer.toString(rows));
        return client.preparedQuery(fill(LIST, "where", where, "limit", limit)).execute(sql.tuple());
    }

    private static void add(List<String> conditions, SqlParams sql, String condition, Object value) {
        if (value != null) {
            conditions.add(fill(condition, "value", sql.bind(value)));
        }
    }
}
