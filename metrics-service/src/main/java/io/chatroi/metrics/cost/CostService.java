package io.chatroi.metrics.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** Costs entered by people (software, labour, ...); message fees from sends are added by the reports, not stored here. */
@ApplicationScoped
public class CostService {

    private final Pool pool;
    private final SettingsService settings;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public CostService(Pool pool, SettingsService settings, IdempotencyKeys idempotency, ObjectMapper json,
                       Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.settings = settings;
        this.idempotency = idempotency;
        this.json = json;
    }

    public Uni<Cost> create(CostInput input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a cost object is required");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String body = String.valueOf(json.valueToTree(input));
        return settings.get().chain(s -> {
            CostRules.Valid valid = CostRules.validate(input, s.currency());
            return pool.withTransaction(tx -> idempotency.claim(tx, "costs", idempotencyKey, body, id)
                    .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                            : tx.preparedQuery("INSERT INTO costs (" + Cost.COLUMNS + ") VALUES ($1, $2, $3, $4, $5,"
                                    + " $6, $7, $8, $9, $10, $11, $12, $13, $13)")
                            .execute(Tuple.from(Arrays.asList(id, valid.category(), valid.kind(), valid.amount(),
                                    valid.currency(), valid.periodStart(), valid.periodEnd(), input.campaignId(),
                                    input.owner(), valid.hours(), valid.hourlyRate(), input.description(),
                                    time(now))))
                            .replaceWith(id)));
        }).chain(this::get);
    }

    public Uni<Cost> replace(UUID id, CostInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a cost object is required");
        }
        return settings.get().chain(s -> {
            CostRules.Valid valid = CostRules.validate(input, s.currency());
            return pool.preparedQuery("UPDATE costs SET category = $2, kind = $3, amount = $4, currency = $5,"
                            + " period_start = $6, period_end = $7, campaign_id = $8, owner = $9, hours = $10,"
                            + " hourly_rate = $11, description = $12, updated_at = $13 WHERE id = $1")
                    .execute(Tuple.from(Arrays.asList(id, valid.category(), valid.kind(), valid.amount(),
                            valid.currency(), valid.periodStart(), valid.periodEnd(), input.campaignId(),
                            input.owner(), valid.hours(), valid.hourlyRate(), input.description(),
                            time(clock.instant()))));
        }).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("Cost", id);
            }
            return id;
        }).chain(this::get);
    }

    public Uni<Void> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM costs WHERE id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("Cost", id);
            }
            return null;
        });
    }

    public Uni<Cost> get(UUID id) {
        return pool.preparedQuery("SELECT " + Cost.COLUMNS + " FROM costs WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Cost", id);
                    }
                    return Cost.from(rows.iterator().next());
                });
    }

    /**
     * Newest first, a page of {@code limit} after the cursor {@code after}; {@code limit} null lists every cost the
     * filter keeps (the CSV of a drill-down holds exactly its list; costs are entered by people, a few a month).
     */
    public Uni<Page<Cost>> list(CostFilter filter, String after, Integer limit) {
        List<Object> params = new ArrayList<>();
        List<String> where = filter.conditions(params);
        if (after != null) {
            TimeIdCursor cursor = TimeIdCursor.decode(after);
            params.add(time(cursor.at()));
            params.add(cursor.id());
            where.add("(created_at, id) < ($" + (params.size() - 1) + ", $" + params.size() + ")");
        }
        String sql = "SELECT " + Cost.COLUMNS + " FROM costs" + (where.isEmpty() ? "" : " WHERE "
                + String.join(" AND ", where)) + " ORDER BY created_at DESC, id DESC"
                + (limit == null ? "" : " LIMIT " + (limit + 1));
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Cost> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(Cost.from(row));
            }
            return limit == null ? new Page<>(List.copyOf(items), null)
                    : Page.of(items, limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode());
        });
    }
}
