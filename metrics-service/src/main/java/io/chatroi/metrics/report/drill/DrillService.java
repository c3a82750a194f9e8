package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lists behind the funnel's stages and the conversions and revenue tiles: the facts the recompute counted, read
 * with its predicates, so right after a recompute a list holds exactly as many rows as the number it stands for.
 * A page when {@code whole} is false, else the whole list (the CSV), with no cursor.
 */
@ApplicationScoped
public class DrillService {

    private final DrillRepository repository;
    private final SettingsService settings;
    private final Clock clock;

    public DrillService(DrillRepository repository, SettingsService settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<Page<FunnelContact>> stageContacts(DrillQuery.Raw raw, boolean whole) {
        return list(raw, true, whole, repository::stageContacts, FunnelContact::from,
                c -> new TimeIdCursor(c.createdAt(), c.contactId()));
    }

    public Uni<Page<ConvertedSend>> conversions(DrillQuery.Raw raw, boolean whole) {
        return list(raw, false, whole, repository::conversions, ConvertedSend::from,
                c -> new TimeIdCursor(c.sentAt(), c.sendId()));
    }

    public Uni<Page<WonDeal>> wonDeals(DrillQuery.Raw raw, boolean whole) {
        return list(raw, false, whole, repository::wonDeals, WonDeal::from,
                d -> new TimeIdCursor(d.wonAt(), d.dealId()));
    }

    /** How a list reads its rows: the query, the workspace's settings and how many rows (null: all). */
    interface Read {
        Uni<RowSet<Row>> rows(DrillQuery q, Settings s, Integer rows);
    }

    private <T> Uni<Page<T>> list(DrillQuery.Raw raw, boolean stage, boolean whole, Read read,
                                  Function<Row, T> item, Function<T, TimeIdCursor> position) {
        Instant now = clock.instant();
        return settings.get().chain(s -> {
            DrillQuery q = DrillQuery.parse(raw, LocalDate.ofInstant(now, s.zone()), stage);
            return read.rows(q, s, whole ? null : q.limit() + 1)
                    .map(rows -> page(rows, whole, q.limit(), item, position));
        });
    }

    /** The rows read (limit + 1 for a page, so that a next page shows) as a page, or as the whole list. */
    static <T> Page<T> page(RowSet<Row> rows, boolean whole, int limit, Function<Row, T> item,
                            Function<T, TimeIdCursor> position) {
        List<T> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(item.apply(row));
        }
        return whole ? new Page<>(items, null) : Page.of(items, limit, last -> position.apply(last).encode());
    }
}
