package io.chatroi.campaigns.dispatch;

import io.chatroi.campaigns.link.TemplateLinks;
import io.chatroi.campaigns.template.TemplateButtons;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.chatroi.common.sql.SqlArrays.column;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The dispatcher's SQL: the claim of due sends, the shared per-second budget, a tick's outcomes, and each provider
 * call of a send, recorded as it happens, so that a crash leaves in doubt only the calls that were in
 * flight (at most the dispatcher's concurrency): {@code provider_call_at} just before the call (and only while the
 * claim is still this dispatcher's), the provider's message id the moment it answers, and the start cleared again
 * when the provider refused (nothing went out). A tick's outcomes are still written together afterwards
 * ({@link #writeOutcomes}); these per-send writes are what {@link #reconcile} reads when that write never came.
 */
final class DispatchRepository {

    /** A replica takes what it wants from the current second's remainder of the one budget row. */
    private static final String TAKE_BUDGET = """
            WITH old AS (SELECT window_second, CASE WHEN window_second = $1 THEN used ELSE 0 END AS used
                           FROM send_budget WHERE id = 1 FOR UPDATE)
            UPDATE send_budget b SET window_second = $1, used = old.used + least($2, greatest($3 - old.used, 0))
              FROM old WHERE b.id = 1 RETURNING b.used - old.used AS granted""";

    private static final String CLAIM = """
            UPDATE sends s SET status = 'sending', attempts = s.attempts + 1, claimed_until = $2,
                   provider_call_at = NULL, updated_at = $1
              FROM (SELECT s2.id FROM sends s2
                     WHERE s2.campaign_id = ANY(ARRAY(SELECT c.id FROM campaigns c WHERE c.status = 'sending'))
                       AND s2.status IN ('queued', 'deferred') AND s2.next_attempt_at <= $1
                     ORDER BY s2.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
             WHERE s.id = due.id RETURNING s.id""";

    private static final String CLAIMED = """
            SELECT s.id, s.contact_id, s.phone, s.whatsapp_user_id, s.variant, s.attempts, t.name, t.language,
                   t.category, t.body, t.content, c.split, c.respect_quiet_hours, c.frequency_cap, c.cap_action
              FROM sends s JOIN campaigns c ON c.id = s.campaign_id JOIN templates t ON t.id = s.template_id
             WHERE s.id = ANY($1)""";

    /** Every outcome of the tick from arrays; a failure keeps the send's earlier error code and provider id. */
    private static final String UPDATE_SENDS = """
            UPDATE sends s SET status = u.status, reason = u.reason,
                   next_attempt_at = u.next, error_code = coalesce(u.code, s.error_code),
                   provider_message_id = coalesce(u.message_id, s.provider_message_id),
                   sent_at = coalesce(u.sent_at, s.sent_at), claimed_until = NULL, updated_at = $8
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[],
                          $7::timestamptz[]) AS u (id, status, reason, next, code, message_id, sent_at)
             WHERE s.id = u.id""";

    /** Meta's 131050: the user stopped marketing messages, recorded as their stop. */
    private static final String INSERT_STOPS = """
            INSERT INTO preference_events (phone, value, category, detail, at, received_at)
            SELECT unnest($1::text[]), 'stop', 'marketing_messages', 'a send failed with 131050', $2, $2
            ON CONFLICT DO NOTHING""";

    private DispatchRepository() {
    }

    /** Up to {@code wanted} sends from the budget of the second {@code now} falls in; 0 when it is spent. */
    static Uni<Integer> takeBudget(SqlClient client, int wanted, int ratePerSecond, Instant now) {
        return client.preparedQuery(TAKE_BUDGET).execute(Tuple.of(now.getEpochSecond(), wanted, ratePerSecond))
                .map(rows -> rows.iterator().next().getInteger("granted"));
    }

    /** Claims up to {@code limit} due sends (status sending, the attempt counted) and returns their ids. */
    static Uni<List<UUID>> claim(SqlClient tx, int limit, Instant claimedUntil, Instant now) {
        return tx.preparedQuery(CLAIM).execute(Tuple.of(time(now), time(claimedUntil), limit)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    /** What sending each claimed send needs: its template, its variant's parameters and its campaign's switches. */
    static Uni<List<Dispatcher.Claimed>> claimed(SqlClient tx, List<UUID> ids, Instant claimedUntil) {
        return tx.preparedQuery(CLAIMED).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            List<Dispatcher.Claimed> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(new Dispatcher.Claimed(row.getUUID("id"), row.getUUID("contact_id"),
                        row.getString("phone"), row.getString("name"), row.getString("language"),
                        row.getString("category"), parameters(row.getJsonObject("split"), row.getString("variant")),
                        TemplateLinks.of(row.getString("body"), TemplateButtons.of(row.getJsonObject("content"))),
                        row.getBoolean("respect_quiet_hours"), row.getBoolean("frequency_cap"),
                        "skip".equals(row.getString("cap_action")), row.getInteger("attempts"), claimedUntil,
                        row.getString("whatsapp_user_id")));
            }
            return claimed;
        });
    }

    private static List<String> parameters(JsonObject split, String variant) {
        for (Object item : split.getJsonArray("variants")) {
            JsonObject v = (JsonObject) item;
            if (variant.equals(v.getString("key"))) {
                var values = v.getJsonArray("parameters");
                List<String> out = new ArrayList<>();
                if (values != null) {
                    values.forEach(value -> out.add(String.valueOf(value)));
                }
                return out;
            }
        }
        return List.of();
    }

    /** Writes outcomes with one UPDATE from arrays, and the stops of those that carry one. */
    static Uni<Void> writeOutcomes(SqlClient tx, List<Outcome> outcomes, Instant now) {
        String[] stopPhones = outcomes.stream().map(Outcome::optOutPhone).filter(Objects::nonNull)
                .toArray(String[]::new);
        Uni<Void> updated = tx.preparedQuery(UPDATE_SENDS)
                .execute(Tuple.from(new Object[]{column(outcomes, Outcome::id, UUID[]::new),
                        column(outcomes, Outcome::status, String[]::new), column(outcomes, Outcome::reason, String[]::new),
                        column(outcomes, o -> time(o.nextAttemptAt()), OffsetDateTime[]::new),
                        column(outcomes, Outcome::errorCode, Integer[]::new),
                        column(outcomes, Outcome::messageId, String[]::new),
                        column(outcomes, o -> time(o.sentAt()), OffsetDateTime[]::new), time(now)}))
                .replaceWithVoid();
        if (stopPhones.length == 0) {
            return updated;
        }
        return updated.chain(() -> tx.preparedQuery(INSERT_STOPS)
                .execute(Tuple.of(stopPhones, time(now))).replaceWithVoid());
    }

    /**
     * Marks the call of a claimed send as started; false when the claim is no longer ours (it expired, or another
     * replica re-claimed the send after reconciling it), and then the provider must not be called.
     */
    static Uni<Boolean> started(SqlClient client, UUID id, Instant claimedUntil, Instant now) {
        return client.preparedQuery("""
                        UPDATE sends SET provider_call_at = $2
                         WHERE id = $1 AND status = 'sending' AND claimed_until = $3 AND claimed_until > $2""")
                .execute(Tuple.of(id, time(now), time(claimedUntil)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * The provider took the message: after a crash this send is known sent, not in doubt. Committed without waiting
     * for the WAL flush (this statement's own transaction only): should PostgreSQL itself crash and lose it, the
     * send is merely in doubt again and settled from its receipt, so the send path does not wait for a disk.
     */
    static Uni<Void> answered(SqlClient client, UUID id, String messageId, Instant at) {
        return client.preparedQuery("""
                        WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
                        UPDATE sends SET provider_message_id = $2, sent_at = $3
                         WHERE id = $1 AND status = 'sending' AND EXISTS (SELECT 1 FROM relaxed)""")
                .execute(Tuple.of(id, messageId, time(at))).replaceWithVoid();
    }

    /**
     * The provider refused the call (nothing went out): after a crash the send is queued again, not in doubt.
     * Committed without waiting for the flush, like {@link #answered}: lost, the send is only in doubt.
     */
    static Uni<Void> refused(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
                        UPDATE sends SET provider_call_at = NULL
                         WHERE id = $1 AND status = 'sending' AND EXISTS (SELECT 1 FROM relaxed)""")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Settles sends whose claim expired while 'sending' (the replica died mid-tick): never handed to the provider,
     * queued again with the attempt not counted; answered by the provider, sent; in doubt (the call had started and
     * no answer was recorded), sent when a receipt carries the send id (biz_opaque_callback_data), otherwise failed
     * with reason unknown_outcome after {@code unknownOutcomeAfter}, never resent.
     */
    static Uni<Void> reconcile(SqlClient client, Instant now, Duration unknownOutcomeAfter) {
        return client.preparedQuery("""
                        UPDATE sends SET status = 'queued', claimed_until = NULL, next_attempt_at = $1,
                               attempts = greatest(attempts - 1, 0), updated_at = $1
                         WHERE status = 'sending' AND claimed_until < $1 AND provider_call_at IS NULL""")
                .execute(Tuple.of(time(now)))
                .chain(() -> client.preparedQuery("""
                        UPDATE sends SET status = 'sent', reason = NULL, claimed_until = NULL, updated_at = $1
                         WHERE status = 'sending' AND claimed_until < $1 AND provider_message_id IS NOT NULL""")
                        .execute(Tuple.of(time(now))))
                .chain(() -> client.preparedQuery("""
                        SELECT id::text AS id FROM sends WHERE status = 'sending' AND claimed_until < $1""")
                        .execute(Tuple.of(time(now))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> stuck = new ArrayList<>();
                    rows.forEach(row -> stuck.add(row.getString("id")));
                    return client.preparedQuery("""
                                    UPDATE sends s SET status = 'sent', provider_message_id = r.message_id,
                                           sent_at = r.at, claimed_until = NULL, updated_at = $1
                                      FROM receipts r
                                     WHERE r.callback_data = ANY($2) AND s.id::text = r.callback_data
                                       AND s.status = 'sending' AND s.provider_message_id IS NULL""")
                            .execute(Tuple.of(time(now), stuck.toArray(String[]::new)))
                            .chain(() -> client.preparedQuery("""
                                    UPDATE sends SET status = 'failed', reason = 'unknown_outcome',
                                           claimed_until = NULL, updated_at = $1
                                     WHERE status = 'sending' AND claimed_until < $2""")
                                    .execute(Tuple.of(time(now), time(now.minus(unknownOutcomeAfter)))))
                            .replaceWithVoid();
                });
    }
}
