package io.chatroi.campaigns.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Each provider call of a send, recorded as it happens, so that a crash leaves in doubt only the calls that were in
 * flight (at most the dispatcher's concurrency): {@code provider_call_at} just before the call (and only while the
 * claim is still this dispatcher's), the provider's message id the moment it answers, and the start cleared again
 * when the provider refused (nothing went out). A tick's outcomes are still written together afterwards
 * ({@link OutcomeWriter}); these per-send writes are what {@link #reconcile} reads when that write never came.
 */
final class ProviderCallRepository {

    private ProviderCallRepository() {
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
