package io.chatroi.contacts.tier;

import io.chatroi.common.paging.Cursor;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.sql.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a contact's tier moves from the tag history (tag_events), newest first, keyset-paged by (at, id). */
@ApplicationScoped
public class TierHistoryRepository {

    private static final String FIRST_PAGE = """
            SELECT e.id, e.tag_name, t.category, e.action, e.at, e.actor
              FROM tag_events e JOIN tags t ON t.name = e.tag_name
             WHERE e.contact_id = $1 AND t.category IN ('activity', 'intent', 'interest')
             ORDER BY e.at DESC, e.id DESC
             LIMIT $2""";

    private static final String NEXT_PAGE = """
            SELECT e.id, e.tag_name, t.category, e.action, e.at, e.actor
              FROM tag_events e JOIN tags t ON t.name = e.tag_name
             WHERE e.contact_id = $1 AND t.category IN ('activity', 'intent', 'interest')
               AND (e.at, e.id) < ($3, $4)
             ORDER BY e.at DESC, e.id DESC
             LIMIT $2""";

    private record Position(Instant at, long id) {
    }

    public Uni<Page<TierMove>> list(SqlClient client, UUID contactId, String after, int limit) {
        Uni<RowSet<Row>> rows;
        if (after == null) {
            rows = client.preparedQuery(FIRST_PAGE).execute(Tuple.of(contactId, limit + 1));
        } else {
            Position from = decode(after);
            rows = client.preparedQuery(NEXT_PAGE).execute(Tuple.of(contactId, limit + 1, SqlTimes.time(from.at()),
                    from.id()));
        }
        return rows.map(found -> {
            List<Entry> entries = new ArrayList<>();
            for (Row row : found) {
                String tag = row.getString("tag_name");
                int colon = tag.indexOf(':');
                entries.add(new Entry(row.getLong("id"), new TierMove(row.getString("category"), tag,
                        colon < 0 ? tag : tag.substring(colon + 1), row.getString("action"),
                        SqlTimes.instant(row, "at"), row.getString("actor"))));
            }
            Page<Entry> page = Page.of(entries, limit, last -> Cursor.encode(last.move().at().toString(),
                    Long.toString(last.id())));
            return new Page<>(page.items().stream().map(Entry::move).toList(), page.nextCursor());
        });
    }

    /** A move with its row id, the tie-breaker of the keyset. */
    private record Entry(long id, TierMove move) {
    }

    private static Position decode(String after) {
        List<String> keys = Cursor.decode(after, 2);
        try {
            return new Position(Instant.parse(keys.get(0)), Long.parseLong(keys.get(1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ProblemException.invalid("after", "is not a cursor returned by this list");
        }
    }
}
