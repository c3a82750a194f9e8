package io.chatroi.campaigns.quarantine;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;

/** The quarantined parts of webhook deliveries; a replayed delivery adds nothing (keyed by body digest and position). */
@ApplicationScoped
public class QuarantineRepository {

    private static final String INSERT = """
            INSERT INTO webhook_quarantine (received_at, delivery_sha256, kind, position, reference, reason, raw)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (delivery_sha256, kind, position) DO NOTHING""";
    private static final String PAGE = """
            SELECT id, received_at, delivery_sha256, kind, position, reference, reason, raw
            FROM webhook_quarantine WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2""";
    private static final String COUNT = "SELECT count(*) AS n FROM webhook_quarantine";

    private final Pool pool;

    public QuarantineRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the items of one delivery; returns how many were new (a replayed delivery's are not). */
    public Uni<Integer> insert(List<QuarantinedItem> items, String deliverySha256, Instant receivedAt) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = items.stream().map(item -> Tuple.from(Arrays.asList(time(receivedAt), deliverySha256,
                item.kind(), item.position(), item.reference(), item.reason(),
                item.raw() == null ? null : io.vertx.core.buffer.Buffer.buffer(item.raw())))).toList();
        return pool.preparedQuery(INSERT).executeBatch(rows).map(result -> {
            int inserted = 0;
            for (io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> each = result; each != null;
                 each = each.next()) {
                inserted += each.rowCount();
            }
            return inserted;
        });
    }

    /** Newest first; {@code beforeId} is the cursor (the last id of the previous page). */
    public Uni<List<Quarantined>> page(Long beforeId, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(beforeId, limit + 1)).map(rows -> {
            List<Quarantined> out = new ArrayList<>();
            for (Row row : rows) {
                Buffer raw = row.getBuffer("raw");
                out.add(new Quarantined(row.getLong("id"), row.getOffsetDateTime("received_at").toInstant(),
                        row.getString("delivery_sha256"), row.getString("kind"), row.getInteger("position"),
                        row.getString("reference"), row.getString("reason"),
                        raw == null ? null : Base64.getEncoder().encodeToString(raw.getBytes())));
            }
            return out;
        });
    }

    /**
     * True for the database refusing content (SQLSTATE classes 22 data exception, 23 integrity, 54 limits), not for
     * the database being unreachable: only the latter deserves Meta's retry.
     */
    public static boolean isDataError(Throwable failure) {
        if (failure instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
        }
        return false;
    }

    public Uni<Long> count() {
        return pool.query(COUNT).execute().map(rows -> rows.iterator().next().getLong("n"));
    }

    /** A stored quarantined item; {@code rawBase64} is the delivery's bytes when the whole body was set aside. */
    public record Quarantined(long id, Instant receivedAt, String deliverySha256, String kind, int position,
                              @Schema(nullable = true) String reference, String reason, @Schema(nullable = true) String rawBase64) {
    }
}
