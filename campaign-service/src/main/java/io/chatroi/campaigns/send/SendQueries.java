package io.chatroi.campaigns.send;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** Keyset-paged reads of sends: per campaign (oldest first), and all sends by (updatedAt, id) for sync. */
@ApplicationScoped
public class SendQueries {

    private final Pool pool;

    public SendQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<SendView>> ofCampaign(UUID campaignId, SendFilter filter, String after, int limit) {
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder where = new StringBuilder(" WHERE s.campaign_id = $1");
        filter.appendTo(where, params);
        return page(where, params, after, "created_at", limit);
    }

    /** The whole filtered list in the same order as the pages, for its CSV (bounded by the campaign's audience). */
    public Uni<List<SendView>> allOfCampaign(UUID campaignId, SendFilter filter) {
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder where = new StringBuilder(" WHERE s.campaign_id = $1");
        filter.appendTo(where, params);
        String sql = "SELECT " + SendView.COLUMNS + where + " ORDER BY s.created_at, s.id";
        return all(sql, params);
    }

    /**
     * Every send changed after {@code updatedAfter} (metrics-service's incremental sync), narrowed to those that went
     * out within {@code within} when it is given (a count's drill-down across campaigns).
     */
    public Uni<Page<SendView>> changedSince(Instant updatedAfter, SentWithin within, String after, int limit) {
        List<Object> params = new ArrayList<>();
        return page(changedWhere(updatedAfter, within, params), params, after, "updated_at", limit);
    }

    /** The whole list of {@link #changedSince} in the same order as its pages, for its CSV (bounded by within). */
    public Uni<List<SendView>> allChangedSince(Instant updatedAfter, SentWithin within) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + SendView.COLUMNS + changedWhere(updatedAfter, within, params)
                + " ORDER BY s.updated_at, s.id";
        return all(sql, params);
    }

    private static StringBuilder changedWhere(Instant updatedAfter, SentWithin within, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (updatedAfter != null) {
            params.add(time(updatedAfter));
            where.append(" AND s.updated_at > $1");
        }
        within.appendTo(where, params);
        return where;
    }

    private Uni<List<SendView>> all(String sql, List<Object> params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<SendView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(SendView.from(row));
            }
            return items;
        });
    }

    private Uni<Page<SendView>> page(StringBuilder where, List<Object> params, String after, String sortColumn,
                                     int limit) {
        if (after != null) {
            TimeIdCursor cursor = TimeIdCursor.decode(after);
            params.add(time(cursor.at()));
            params.add(cursor.id());
            where.append(" AND (s.").append(sortColumn).append(", s.id) > ($").append(params.size() - 1)
                    .append(", $").append(params.size()).append(')');
        }
        String sql = "SELECT " + SendView.COLUMNS + where + " ORDER BY s." + sortColumn + ", s.id LIMIT " + (limit + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<SendView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(SendView.from(row));
            }
            return Page.of(items, limit, last -> new TimeIdCursor("updated_at".equals(sortColumn)
                    ? last.updatedAt() : last.createdAt(), last.id()).encode());
        });
    }
}
