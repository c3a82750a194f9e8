package io.chatroi.metrics.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of the sync: each stream's cursor (sync_cursors), a page's upserts ({@link FactRows}) and the days it makes
 * stale (dirty_days), all run on the client or transaction given.
 */
@ApplicationScoped
public class SyncRepository {

    private static final String RECORD_ERROR = """
            INSERT INTO sync_cursors (stream, last_error) VALUES ($1, $2)
            ON CONFLICT (stream) DO UPDATE SET last_error = excluded.last_error""";

    private static final String POSITION = """
            SELECT updated_after, after_cursor, max_seen FROM sync_cursors WHERE stream = $1""";

    /** %s is the stream's dirtySql: the days its page's rows count on. */
    private static final String MARK_DIRTY = """
            INSERT INTO dirty_days (day) SELECT DISTINCT d FROM (%s) AS x (d) WHERE d IS NOT NULL ON CONFLICT DO NOTHING""";

    /** The page's position, and the items count, committed with the page's rows. */
    private static final String SAVE_CURSOR = """
            INSERT INTO sync_cursors (stream, updated_after, after_cursor, max_seen, synced_at, items, last_error)
            VALUES ($1, $2, $3, $4, now(), $5, NULL)
            ON CONFLICT (stream) DO UPDATE
               SET updated_after = excluded.updated_after, after_cursor = excluded.after_cursor,
                   max_seen = excluded.max_seen, synced_at = now(),
                   items = sync_cursors.items + excluded.items, last_error = NULL""";

    private static final String STATUS = """
            SELECT * FROM sync_cursors ORDER BY stream""";

    /** Where a stream stands: the updatedAfter it asks for, the upstream cursor within it, the newest change seen. */
    public record Position(Instant updatedAfter, String after, Instant maxSeen) {
    }

    public Uni<Void> recordError(SqlClient client, String stream, String error) {
        return client.preparedQuery(RECORD_ERROR).execute(Tuple.of(stream, error)).replaceWithVoid();
    }

    /** The stream's stored position; a stream never synced starts from the beginning. */
    public Uni<Position> position(SqlClient client, String stream) {
        return client.preparedQuery(POSITION).execute(Tuple.of(stream)).map(rows -> {
            if (rows.size() == 0) {
                return new Position(null, null, null);
            }
            Row row = rows.iterator().next();
            return new Position(instant(row, "updated_after"), row.getString("after_cursor"), instant(row, "max_seen"));
        });
    }

    /** Upserts a page's rows with the stream's statement. */
    public Uni<Void> upsert(SqlClient tx, String upsert, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(upsert).executeBatch(rows).replaceWithVoid();
    }

    /** Marks the days a page's rows count on ({@code dirtySql}: $1 the ids, $2 the time zone); null marks none. */
    public Uni<Void> markDirty(SqlClient tx, String dirtySql, List<UUID> ids, String timeZone) {
        if (dirtySql == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(MARK_DIRTY.formatted(dirtySql))
                .execute(Tuple.of(ids.toArray(UUID[]::new), timeZone)).replaceWithVoid();
    }

    public Uni<Void> saveCursor(SqlClient tx, String stream, Position position, int items) {
        return tx.preparedQuery(SAVE_CURSOR)
                .execute(Tuple.of(stream, time(position.updatedAfter()), position.after(), time(position.maxSeen()),
                        (long) items))
                .replaceWithVoid();
    }

    /** Where each stream stands, for the status endpoint. */
    public Uni<SyncState> status(SqlClient client) {
        return client.query(STATUS).execute().map(rows -> {
            List<SyncStream> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new SyncStream(row.getString("stream"), instant(row, "updated_after"),
                        row.getString("after_cursor") != null, instant(row, "synced_at"), row.getLong("items"),
                        row.getString("last_error")));
            }
            return new SyncState(out);
        });
    }
}
