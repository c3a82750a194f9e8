package io.chatroi.campaigns.providererror;

import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

@ApplicationScoped
public class ProviderErrorRepository {

    /** Newest first; every filter is optional ($1 from, $2 to, $3 code, $4/$5 the cursor). */
    private static final String LIST = """
            SELECT id, scope, code, title, message, details, message_id, phone, at, received_at
              FROM provider_errors
             WHERE ($1::timestamptz IS NULL OR received_at >= $1)
               AND ($2::timestamptz IS NULL OR received_at < $2)
               AND ($3::int IS NULL OR code = $3)
               AND ($4::timestamptz IS NULL OR (received_at, id) < ($4, $5::uuid))
             ORDER BY received_at DESC, id DESC
             LIMIT $6
            """;

    private final Pool pool;

    public ProviderErrorRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ProviderErrorView>> list(Instant from, Instant to, Integer code, TimeIdCursor after, int limit) {
        return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{time(from), time(to), code,
                        after == null ? null : time(after.at()), after == null ? null : after.id(), limit}))
                .map(rows -> {
                    List<ProviderErrorView> items = new ArrayList<>();
                    for (Row row : rows) {
                        Integer c = row.getInteger("code");
                        items.add(new ProviderErrorView(row.getUUID("id"), row.getString("scope"), c,
                                row.getString("title"), row.getString("message"), row.getString("details"),
                                row.getString("message_id"), row.getString("phone"), instant(row, "at"),
                                instant(row, "received_at"), ErrorCatalogue.explain(c)));
                    }
                    return items;
                });
    }
}
