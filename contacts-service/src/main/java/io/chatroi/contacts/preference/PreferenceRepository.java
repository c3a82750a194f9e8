package io.chatroi.contacts.preference;

import io.chatroi.common.sql.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL behind send eligibility: the marketing messages a contact was sent, as the interactions recorded them, up
 * to a moment ($2) and within the weekly cap's period before it ($3).
 */
@ApplicationScoped
public class PreferenceRepository {

    private static final String HISTORY = """
            SELECT count(*) FILTER (WHERE at > $3) AS week, min(at) FILTER (WHERE at > $3) AS oldest,
                   max(at) AS latest
              FROM interactions WHERE contact_id = $1
               AND direction = 'outbound' AND category = 'marketing' AND at <= $2""";

    private static final String HISTORIES = """
            SELECT contact_id, count(*) FILTER (WHERE at > $3) AS week,
                   min(at) FILTER (WHERE at > $3) AS oldest, max(at) AS latest
              FROM interactions
             WHERE contact_id = ANY($1) AND direction = 'outbound' AND category = 'marketing'
               AND at <= $2 GROUP BY contact_id""";

    /** The marketing messages sent to a contact up to {@code at}: how many in the cap period, the oldest, the last. */
    public Uni<SendRules.MarketingHistory> marketingHistory(SqlClient client, UUID contactId, Instant at) {
        return client.preparedQuery(HISTORY)
                .execute(Tuple.of(contactId, time(at), time(at.minus(SendRules.CAP_PERIOD))))
                .map(rows -> history(rows.iterator().next()));
    }

    /** {@link #marketingHistory} of many contacts; a contact never sent marketing is absent. */
    public Uni<Map<UUID, SendRules.MarketingHistory>> marketingHistories(SqlClient client, List<UUID> contactIds,
                                                                       Instant at) {
        return client.preparedQuery(HISTORIES)
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), time(at), time(at.minus(SendRules.CAP_PERIOD))))
                .map(rows -> {
                    Map<UUID, SendRules.MarketingHistory> byContact = new HashMap<>();
                    for (Row row : rows) {
                        byContact.put(row.getUUID("contact_id"), history(row));
                    }
                    return byContact;
                });
    }

    private static SendRules.MarketingHistory history(Row row) {
        return new SendRules.MarketingHistory(row.getLong("week").intValue(), SqlTimes.instant(row, "oldest"),
                SqlTimes.instant(row, "latest"));
    }
}
