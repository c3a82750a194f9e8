package io.chatroi.campaigns.receipt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.chatroi.common.sql.SqlTimes.instant;

/** Reads of a message's folded state and the receipts behind it (the webhook's repository writes them). */
@ApplicationScoped
public class ReceiptRepository {

    private static final String STATE = """
            SELECT recipient, status, sent_at, delivered_at, read_at, played_at, failed_at, error_code, error_title,
                   pricing_category, billable, pricing_type, recipient_user_id, participants_reached,
                   participants_read
              FROM message_states WHERE message_id = $1""";

    private static final String RECEIPTS = """
            SELECT status, at, error_code, error_title, received_at, participant
              FROM receipts WHERE message_id = $1 ORDER BY at, id""";

    /** The message's state with its receipts oldest first; empty when no receipt was ever seen for it. */
    public Uni<Optional<MessageStateResource.MessageStateView>> messageState(SqlClient client, String messageId) {
        return client.preparedQuery(STATE).execute(Tuple.of(messageId)).chain(states -> {
            if (states.size() == 0) {
                return Uni.createFrom().item(Optional.empty());
            }
            Row s = states.iterator().next();
            return client.preparedQuery(RECEIPTS).execute(Tuple.of(messageId)).map(rows -> {
                List<MessageStateResource.ReceiptView> receipts = new ArrayList<>();
                for (Row r : rows) {
                    receipts.add(new MessageStateResource.ReceiptView(r.getString("status"), instant(r, "at"),
                            r.getInteger("error_code"), r.getString("error_title"), instant(r, "received_at"),
                            r.getString("participant").isEmpty() ? null : r.getString("participant")));
                }
                return Optional.of(new MessageStateResource.MessageStateView(messageId, s.getString("recipient"),
                        s.getString("status"), instant(s, "sent_at"), instant(s, "delivered_at"),
                        instant(s, "read_at"), instant(s, "played_at"), instant(s, "failed_at"),
                        s.getInteger("error_code"), s.getString("error_title"), s.getString("pricing_category"),
                        s.getBoolean("billable"), s.getString("pricing_type"), List.copyOf(receipts),
                        s.getString("recipient_user_id"), s.getInteger("participants_reached"),
                        s.getInteger("participants_read")));
            });
        });
    }
}
