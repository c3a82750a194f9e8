package io.chatroi.campaigns.order;

import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The attribution report and bulk order intake. Report ranges are dates (UTC days, {@code to} included) or
 * instants ({@code to} excluded); without them, the last 30 days.
 */
@ApplicationScoped
public class AttributionService {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final Pool pool;
    private final AttributionRepository repository;
    private final OrderService orders;
    private final Clock clock;

    public AttributionService(Pool pool, AttributionRepository repository, OrderService orders, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.orders = orders;
        this.clock = clock;
    }

    /** Stores a bulk of neutral orders in one transaction: all or, on a bad field, none. */
    public Uni<OrderInput.BatchResult> ingest(OrderInput.Batch batch) {
        List<ShopOrder> valid = OrderInputs.validate(batch);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> io.smallrye.mutiny.Multi.createFrom().iterable(valid)
                .onItem().transformToUniAndConcatenate(order -> orders.ingest(tx, order, now)
                        .map(stored -> new OrderInput.Result(order.source(), order.externalId(), stored.id().toString(),
                                stored.created(), stored.credit(),
                                stored.campaignId() == null ? null : stored.campaignId().toString(), stored.variant())))
                .collect().asList())
                .map(results -> {
                    int created = (int) results.stream().filter(OrderInput.Result::created).count();
                    return new OrderInput.BatchResult(results.size(), created, results.size() - created, results);
                });
    }

    public Uni<AttributionReport> report(String fromText, String toText, UUID campaignId, Integer limit) {
        Instant to = toText == null || toText.isBlank() ? clock.instant() : bound(toText, "to", true);
        Instant from = fromText == null || fromText.isBlank() ? to.minus(java.time.Duration.ofDays(30))
                : bound(fromText, "from", false);
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return Uni.combine().all().unis(repository.totals(pool, from, to, campaignId),
                        repository.byCampaign(pool, from, to, campaignId),
                        repository.items(pool, from, to, campaignId, size + 1))
                .asTuple().map(t -> {
                    List<AttributionReport.Item> items = t.getItem3();
                    boolean truncated = items.size() > size;
                    return new AttributionReport(from, to, t.getItem1(), t.getItem2(),
                            truncated ? items.subList(0, size) : items, truncated);
                });
    }

    private static Instant bound(String value, String parameter, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be a date (2026-11-22) or a UTC instant"
                    + " (2026-11-22T10:00:00Z)");
        }
    }
}
