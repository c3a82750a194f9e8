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
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
                            : CostRepository.insert(tx, id, valid, input, now).replaceWith(id)));
        }).chain(this::get);
    }

    public Uni<Cost> replace(UUID id, CostInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a cost object is required");
        }
        return settings.get().chain(s -> {
            CostRules.Valid valid = CostRules.validate(input, s.currency());
            return CostRepository.update(pool, id, valid, input, clock.instant());
        }).map(replaced -> {
            if (replaced == 0) {
                throw ProblemException.notFound("Cost", id);
            }
            return id;
        }).chain(this::get);
    }

    public Uni<Void> delete(UUID id) {
        return CostRepository.delete(pool, id).map(deleted -> {
            if (deleted == 0) {
                throw ProblemException.notFound("Cost", id);
            }
            return null;
        });
    }

    public Uni<Cost> get(UUID id) {
        return CostRepository.get(pool, id)
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
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return CostRepository.list(pool, filter, cursor, limit == null ? null : limit + 1).map(rows -> {
            List<Cost> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(Cost.from(row));
            }
            return limit == null ? new Page<>(List.copyOf(items), null)
                    : Page.of(items, limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode());
        });
    }
}
