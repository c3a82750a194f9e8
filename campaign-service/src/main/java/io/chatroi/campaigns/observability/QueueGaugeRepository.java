package io.chatroi.campaigns.observability;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link QueueGauges}: the send queue by state and the outbox to contacts-service by kind, in one read. */
@ApplicationScoped
public class QueueGaugeRepository {

    /** One gauge's reading: {@code gauge} is queue or outbox, {@code label} the state or the kind. */
    public record Count(String gauge, String label, long n) {
    }

    // the queue counts only campaigns that are sending: a paused campaign's queued sends are not waiting
    private static final String COUNTS = """
            SELECT 'queue' AS gauge, s.status AS label, count(*) AS n FROM sends s
             WHERE s.status IN ('queued', 'deferred')
               AND s.campaign_id = ANY(ARRAY(SELECT c.id FROM campaigns c WHERE c.status = 'sending'))
             GROUP BY s.status
            UNION ALL SELECT 'outbox', 'inbound_messages', count(*) FROM inbound_messages WHERE forwarded_at IS NULL
            UNION ALL SELECT 'outbox', 'sends', count(*) FROM sends WHERE status = 'sent' AND forwarded_at IS NULL
            UNION ALL SELECT 'outbox', 'preference_events', count(*) FROM preference_events WHERE forwarded_at IS NULL
            UNION ALL SELECT 'outbox', 'chat_messages', count(*) FROM chat_messages WHERE forwarded_at IS NULL
            """;

    /** Every count there is now; a queue state with no waiting send has no row. */
    public Uni<List<Count>> counts(SqlClient client) {
        return client.query(COUNTS).execute().map(rows -> {
            List<Count> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new Count(row.getString("gauge"), row.getString("label"), row.getLong("n")));
            }
            return out;
        });
    }
}
