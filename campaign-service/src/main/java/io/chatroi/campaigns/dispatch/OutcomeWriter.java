package io.chatroi.campaigns.dispatch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Writes a tick's outcomes in one transaction (one UPDATE from arrays, plus opt-outs). Should the batch fail (say,
 * one provider id collides), each outcome is written on its own so one bad row cannot hold the others back; a row
 * that still fails stays 'sending' and reconciliation settles it.
 */
final class OutcomeWriter {

    private static final Logger LOG = Logger.getLogger(OutcomeWriter.class);

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

    private OutcomeWriter() {
    }

    static Uni<Void> write(Pool pool, List<Outcome> all, Instant now) {
        List<Outcome> outcomes = all.stream().filter(Objects::nonNull).toList();
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> update(tx, outcomes, now))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Writing %d send outcomes together failed (%s); writing them one by one",
                            outcomes.size(), failure.getMessage());
                    return Multi.createFrom().iterable(outcomes)
                            .onItem().transformToUniAndConcatenate(outcome -> pool.withTransaction(tx ->
                                    update(tx, List.of(outcome), now)).onFailure().recoverWithItem(error -> {
                                        LOG.warnf("Send %s outcome %s could not be recorded; reconciliation will"
                                                + " settle it: %s", outcome.id(), outcome.status(), error.getMessage());
                                        return null;
                                    }))
                            .collect().last().replaceWithVoid();
                });
    }

    private static Uni<Void> update(SqlClient tx, List<Outcome> outcomes, Instant now) {
        int n = outcomes.size();
        java.util.UUID[] ids = new java.util.UUID[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        Integer[] codes = new Integer[n];
        String[] messageIds = new String[n];
        OffsetDateTime[] sentAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.id();
            statuses[i] = o.status();
            reasons[i] = o.reason();
            next[i] = time(o.nextAttemptAt());
            codes[i] = o.errorCode();
            messageIds[i] = o.messageId();
            sentAt[i] = time(o.sentAt());
        }
        String[] stopPhones = outcomes.stream().map(Outcome::optOutPhone).filter(Objects::nonNull)
                .toArray(String[]::new);
        Uni<Void> updated = tx.preparedQuery(UPDATE_SENDS)
                .execute(Tuple.from(new Object[]{ids, statuses, reasons, next, codes, messageIds, sentAt, time(now)}))
                .replaceWithVoid();
        if (stopPhones.length == 0) {
            return updated;
        }
        return updated.chain(() -> tx.preparedQuery(INSERT_STOPS)
                .execute(Tuple.of(stopPhones, time(now))).replaceWithVoid());
    }

}
