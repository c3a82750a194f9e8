package io.chatroi.contacts.followup;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keeps each contact's next follow-up (due time and reason) current: recomputed by {@link FollowUpPolicy} whenever
 * a message, a deal or the daily re-tiering changes what it depends on, and listed most urgent first.
 */
@ApplicationScoped
public class FollowUpService {

    private static final String FACTS = "SELECT c.id, c.opted_out, c.erased_at, c.created_at, c.last_inbound_at,"
            + " c.last_outbound_at, c.intent,"
            + " (SELECT max(d.quoted_at) FROM deals d WHERE d.contact_id = c.id AND d.stage = 'quoted') AS open_quote_at,"
            + " (SELECT count(*) FROM interactions i WHERE i.contact_id = c.id AND i.direction = 'outbound'"
            + "   AND i.at > coalesce(c.last_inbound_at, '-infinity')) AS unanswered"
            + " FROM contacts c WHERE c.id = ANY($1)";

    /**
     * All contacts of a refresh in one statement (a forwarded batch of orders refreshes hundreds), and only those whose
     * follow-up moved get a new row version.
     */
    private static final String STORE = """
            UPDATE contacts c SET follow_up_due_at = f.due_at, follow_up_reason = f.reason
              FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS f (id, due_at, reason)
             WHERE c.id = f.id
               AND (c.follow_up_due_at, c.follow_up_reason) IS DISTINCT FROM (f.due_at, f.reason)""";

    private final Pool pool;
    private final Clock clock;

    public FollowUpService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Recomputes and stores the follow-up of each contact, in the caller's transaction. */
    public Uni<Void> refresh(SqlClient client, List<UUID> contactIds, Instant now) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(FACTS).execute(Tuple.of(contactIds.toArray(UUID[]::new)))
                .chain(rows -> {
                    int n = rows.size();
                    if (n == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID[] ids = new UUID[n];
                    OffsetDateTime[] dueAt = new OffsetDateTime[n];
                    String[] reasons = new String[n];
                    int i = 0;
                    for (Row row : rows) {
                        Optional<FollowUp> next = FollowUpPolicy.next(facts(row, now));
                        ids[i] = row.getUUID("id");
                        dueAt[i] = next.map(f -> time(f.dueAt())).orElse(null);
                        reasons[i++] = next.map(FollowUp::reason).orElse(null);
                    }
                    return client.preparedQuery(STORE).execute(Tuple.of(ids, dueAt, reasons)).replaceWithVoid();
                });
    }

    public Uni<Page<DueFollowUp>> due(String owner, Instant dueBefore, String after, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(time(dueBefore));
        StringBuilder sql = new StringBuilder("SELECT c.id, c.name, c.phone, c.owner, c.follow_up_due_at,"
                + " c.follow_up_reason, c.intent, c.last_inbound_at, c.last_outbound_at FROM contacts c"
                + " WHERE c.follow_up_due_at IS NOT NULL AND c.follow_up_due_at <= $1 AND c.erased_at IS NULL");
        if (owner != null) {
            params.add(owner);
            sql.append(" AND c.owner = $").append(params.size());
        }
        if (after != null) {
            TimeIdCursor cursor = TimeIdCursor.decode(after);
            params.add(time(cursor.at()));
            params.add(cursor.id());
            sql.append(" AND (c.follow_up_due_at, c.id) > ($").append(params.size() - 1).append(", $")
                    .append(params.size()).append(')');
        }
        sql.append(" ORDER BY c.follow_up_due_at, c.id LIMIT ").append(limit + 1);
        Instant now = clock.instant();
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<DueFollowUp> items = new ArrayList<>();
            for (Row row : rows) {
                Instant lastIn = SqlTimes.instant(row, "last_inbound_at");
                IntentTier intent = IntentTier.effective(IntentTier.fromWire(row.getString("intent")), lastIn,
                        SqlTimes.instant(row, "last_outbound_at"), now);
                items.add(new DueFollowUp(row.getUUID("id"), row.getString("name"), row.getString("phone"),
                        row.getString("owner"), SqlTimes.instant(row, "follow_up_due_at"),
                        row.getString("follow_up_reason"), intent == null ? null : intent.wire(),
                        ActivityTier.of(lastIn, now).wire()));
            }
            return Page.of(items, limit, last -> new TimeIdCursor(last.dueAt(), last.contactId()).encode());
        });
    }

    private static FollowUpPolicy.Facts facts(Row row, Instant now) {
        Instant lastIn = SqlTimes.instant(row, "last_inbound_at");
        Instant lastOut = SqlTimes.instant(row, "last_outbound_at");
        return new FollowUpPolicy.Facts(row.getBoolean("opted_out"), row.getValue("erased_at") != null,
                SqlTimes.instant(row, "created_at"), lastIn, lastOut, SqlTimes.instant(row, "open_quote_at"),
                row.getLong("unanswered").intValue(),
                IntentTier.effective(IntentTier.fromWire(row.getString("intent")), lastIn, lastOut, now),
                ActivityTier.of(lastIn, now));
    }

    /** One row of the due follow-ups list. */
    public record DueFollowUp(
            UUID contactId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String owner,
            Instant dueAt,
            String reason,
            @Schema(nullable = true) String intent,
            String activity) {
    }
}
