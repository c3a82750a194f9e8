package io.chatroi.contacts.followup;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of follow-ups: what the policy reads of a contact, the stored next follow-up, and the due list. */
@ApplicationScoped
public class FollowUpRepository {

    private static final String FACTS = """
            SELECT c.id, c.opted_out, c.erased_at, c.created_at, c.last_inbound_at, c.last_outbound_at, c.intent,
                   (SELECT max(d.quoted_at) FROM deals d WHERE d.contact_id = c.id AND d.stage = 'quoted') AS open_quote_at,
                   (SELECT count(*) FROM interactions i WHERE i.contact_id = c.id AND i.direction = 'outbound'
                       AND i.at > coalesce(c.last_inbound_at, '-infinity')) AS unanswered
              FROM contacts c WHERE c.id = ANY($1)""";

    /**
     * All contacts of a refresh in one statement (a forwarded batch of orders refreshes hundreds), and only those whose
     * follow-up moved get a new row version.
     */
    private static final String STORE = """
            UPDATE contacts c SET follow_up_due_at = f.due_at, follow_up_reason = f.reason
              FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS f (id, due_at, reason)
             WHERE c.id = f.id
               AND (c.follow_up_due_at, c.follow_up_reason) IS DISTINCT FROM (f.due_at, f.reason)""";

    // the due list: DUE, then the optional filters in this order, then the order and limit
    private static final String DUE = """
            SELECT c.id, c.name, c.phone, c.owner, c.follow_up_due_at, c.follow_up_reason, c.intent,
                   c.last_inbound_at, c.last_outbound_at
              FROM contacts c
             WHERE c.follow_up_due_at IS NOT NULL AND c.follow_up_due_at <= %s AND c.erased_at IS NULL""";
    private static final String DUE_OF_OWNER = """

               AND c.owner = %s""";
    private static final String DUE_AFTER = """

               AND (c.follow_up_due_at, c.id) > (%s, %s)""";
    private static final String DUE_ORDER = """

             ORDER BY c.follow_up_due_at, c.id LIMIT %d""";

    /** A contact's id and what the follow-up policy reads of it, as of {@code now}. */
    public record Subject(UUID id, FollowUpPolicy.Facts facts) {
    }

    public Uni<List<Subject>> facts(SqlClient client, List<UUID> contactIds, Instant now) {
        return client.preparedQuery(FACTS).execute(Tuple.of(contactIds.toArray(UUID[]::new))).map(rows -> {
            List<Subject> subjects = new ArrayList<>(rows.size());
            for (Row row : rows) {
                subjects.add(new Subject(row.getUUID("id"), facts(row, now)));
            }
            return subjects;
        });
    }

    /** Stores each contact's next follow-up (null due time and reason: none). */
    public Uni<Void> store(SqlClient client, UUID[] ids, OffsetDateTime[] dueAt, String[] reasons) {
        return client.preparedQuery(STORE).execute(Tuple.of(ids, dueAt, reasons)).replaceWithVoid();
    }

    /** Live contacts due by {@code dueBefore}, most urgent first, one row more than {@code limit}. */
    public Uni<List<FollowUpService.DueFollowUp>> due(SqlClient client, String owner, Instant dueBefore,
                                                      TimeIdCursor after, int limit, Instant now) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder(DUE.formatted(params.bind(dueBefore)));
        if (owner != null) {
            sql.append(DUE_OF_OWNER.formatted(params.bind(owner)));
        }
        if (after != null) {
            sql.append(DUE_AFTER.formatted(params.bind(after.at()), params.bind(after.id())));
        }
        sql.append(DUE_ORDER.formatted(limit + 1));
        return client.preparedQuery(sql.toString()).execute(params.tuple()).map(rows -> {
            List<FollowUpService.DueFollowUp> items = new ArrayList<>();
            for (Row row : rows) {
                Instant lastIn = SqlTimes.instant(row, "last_inbound_at");
                IntentTier intent = IntentTier.effective(IntentTier.fromWire(row.getString("intent")), lastIn,
                        SqlTimes.instant(row, "last_outbound_at"), now);
                items.add(new FollowUpService.DueFollowUp(row.getUUID("id"), row.getString("name"),
                        row.getString("phone"), row.getString("owner"), SqlTimes.instant(row, "follow_up_due_at"),
                        row.getString("follow_up_reason"), intent == null ? null : intent.wire(),
                        ActivityTier.of(lastIn, now).wire()));
            }
            return items;
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
}
