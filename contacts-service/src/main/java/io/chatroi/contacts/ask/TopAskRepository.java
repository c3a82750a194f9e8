package io.chatroi.contacts.ask;

import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The inbound texts a period's asks are counted from, read in (at, id) pages so a long range never sits in memory. */
@ApplicationScoped
public class TopAskRepository {

    /** Inbound types that are no turn (a reaction's emoji, an edit, a system notice): nobody asked anything. */
    private static final String[] NO_TURN = MessageKind.typesWhere(kind -> !kind.turn());

    private static final String PAGE = """
            SELECT i.id, i.at, i.text FROM interactions i JOIN contacts c ON c.id = i.contact_id
             WHERE i.direction = 'inbound' AND i.text IS NOT NULL AND i.at >= $1 AND i.at < $2
               AND coalesce(i.message_type, 'text') <> ALL($3) AND ($4::text IS NULL OR c.owner = $4)
               AND ($5::timestamptz IS NULL OR (i.at, i.id) > ($5, $6::uuid))
             ORDER BY i.at, i.id LIMIT $7""";

    public Uni<RowSet<Row>> page(SqlClient client, Instant from, Instant to, String owner, Instant afterAt,
                                 UUID afterId, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(time(from), time(to), NO_TURN, owner,
                afterAt == null ? null : time(afterAt), afterId, limit)));
    }
}
