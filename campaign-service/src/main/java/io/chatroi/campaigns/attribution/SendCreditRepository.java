package io.chatroi.campaigns.attribution;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of {@link Attribution}: credits replies, reactions and opt-outs to the sends they answer, in set-based
 * statements on the caller's transaction, with the caller's instant as the sends' {@code updated_at}.
 */
@ApplicationScoped
public class SendCreditRepository {

    /**
     * The send an event {@code e} (with columns phone, at and context_id) answers, as the body of a LATERAL subquery
     * that yields at most one row (id, campaign_id): the send its context names, else the contact's latest send whose
     * attribution window covers the moment.
     */
    public static final String ANSWERED_SEND = """
            SELECT x.id, x.campaign_id FROM (
               SELECT s.id, s.campaign_id, 0 AS rank, s.sent_at FROM sends s
                WHERE e.context_id IS NOT NULL AND s.provider_message_id = e.context_id
               UNION ALL
               (SELECT s.id, s.campaign_id, 1, s.sent_at FROM sends s JOIN campaigns c ON c.id = s.campaign_id
                 WHERE s.phone = e.phone AND s.sent_at IS NOT NULL AND s.sent_at <= e.at
                   AND e.at < s.sent_at + make_interval(days => c.attribution_days)
                 ORDER BY s.sent_at DESC LIMIT 1)
             ) x ORDER BY x.rank, x.sent_at DESC LIMIT 1""";

    /**
     * The sends the events ($1 phones, $2 times, $3 message ids, $4 context ids, $6 user ids) answer, one row
     * (id, at, message_id) per send, its earliest event: the send a context names, else the latest send to the
     * phone, or to the BSUID, whose attribution window covers the event.
     */
    private static final String CREDITED = """
            FROM (SELECT DISTINCT ON (t.id) t.id, e.at, e.message_id
                    FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $6::text[])
                      AS e (phone, at, message_id, context_id, user_id)
                   CROSS JOIN LATERAL (
                     SELECT x.id FROM (
                       SELECT s.id, 0 AS rank, s.sent_at FROM sends s
                        WHERE e.context_id IS NOT NULL AND s.provider_message_id = e.context_id
                       UNION ALL
                       (SELECT s.id, 1, s.sent_at FROM sends s JOIN campaigns c ON c.id = s.campaign_id
                         WHERE s.phone = e.phone
                           AND s.sent_at IS NOT NULL AND s.sent_at <= e.at
                           AND e.at < s.sent_at + make_interval(days => c.attribution_days)
                         ORDER BY s.sent_at DESC LIMIT 1)
                       UNION ALL
                       (SELECT s.id, 1, s.sent_at FROM sends s JOIN campaigns c ON c.id = s.campaign_id
                         WHERE e.user_id IS NOT NULL AND s.whatsapp_user_id = e.user_id
                           AND s.sent_at IS NOT NULL AND s.sent_at <= e.at
                           AND e.at < s.sent_at + make_interval(days => c.attribution_days)
                         ORDER BY s.sent_at DESC LIMIT 1)
                     ) x ORDER BY x.rank, x.sent_at DESC LIMIT 1) t
                   ORDER BY t.id, e.at) credited""";

    private static final String REPLIES = """
            UPDATE sends s SET replied_at = credited.at, reply_message_id = credited.message_id, updated_at = $5
            %s
             WHERE s.id = credited.id AND s.replied_at IS NULL""".formatted(CREDITED);

    private static final String REACTIONS = """
            UPDATE sends s SET reacted_at = credited.at, updated_at = $5
            %s
             WHERE s.id = credited.id AND s.reacted_at IS NULL""".formatted(CREDITED);

    private static final String OPT_OUTS = """
            UPDATE sends s SET opted_out_at = credited.at, updated_at = $5
            %s
             WHERE s.id = credited.id AND s.opted_out_at IS NULL""".formatted(CREDITED);

    public Uni<Integer> replies(SqlClient tx, List<Attribution.Event> events, Instant now) {
        return credit(tx, events, now, REPLIES);
    }

    /** The first reaction to a send (engagement, not a reply); the reaction names the message it reacts to. */
    public Uni<Integer> reactions(SqlClient tx, List<Attribution.Event> events, Instant now) {
        return credit(tx, events, now, REACTIONS);
    }

    public Uni<Integer> optOuts(SqlClient tx, List<Attribution.Event> events, Instant now) {
        return credit(tx, events, now, OPT_OUTS);
    }

    private static Uni<Integer> credit(SqlClient tx, List<Attribution.Event> events, Instant now, String sql) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        String[] phones = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] ids = new String[n];
        String[] contexts = new String[n];
        String[] userIds = new String[n];
        for (int i = 0; i < n; i++) {
            Attribution.Event e = events.get(i);
            phones[i] = e.phone();
            at[i] = time(e.at());
            ids[i] = e.messageId();
            contexts[i] = e.contextId();
            userIds[i] = e.userId();
        }
        return tx.preparedQuery(sql).execute(Tuple.from(new Object[]{phones, at, ids, contexts, time(now), userIds}))
                .map(rows -> rows.rowCount());
    }
}
