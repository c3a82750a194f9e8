package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.receipt.Receipt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * What {@code MessageState}'s fold leaves out, written after it in the same transaction:
 * <ul>
 * <li>a group message's reach, counted over its members' receipts (a member counts as reached once delivered,
 * read or played, and as having read once read or played: a read implies delivery);</li>
 * <li>the recipient's BSUID, on the message state and on the send, so a username-only user's later reply without
 * a context id is still credited to that send.</li>
 * </ul>
 */
final class GroupAndUserFold {

    private GroupAndUserFold() {
    }

    static Uni<Void> apply(SqlClient tx, List<Receipt> fresh, Instant now) {
        String[] groupMessages = fresh.stream().filter(Receipt::groupParticipant).map(Receipt::messageId)
                .distinct().sorted().toArray(String[]::new);
        TreeMap<String, String> userIds = new TreeMap<>();
        fresh.stream().filter(r -> !r.groupParticipant() && r.recipientUserId() != null)
                .forEach(r -> userIds.putIfAbsent(r.messageId(), r.recipientUserId()));
        Uni<Void> groups = groupMessages.length == 0 ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                        UPDATE message_states m SET participants_reached = x.reached, participants_read = x.read_by,
                               updated_at = $2
                          FROM (SELECT message_id,
                                       count(DISTINCT participant) FILTER (WHERE status IN ('delivered', 'read', 'played')) AS reached,
                                       count(DISTINCT participant) FILTER (WHERE status IN ('read', 'played')) AS read_by
                                  FROM receipts WHERE message_id = ANY($1) AND participant <> ''
                                 GROUP BY message_id) x
                         WHERE m.message_id = x.message_id""")
                .execute(Tuple.of(groupMessages, time(now))).replaceWithVoid();
        if (userIds.isEmpty()) {
            return groups;
        }
        Tuple users = Tuple.of(userIds.keySet().toArray(String[]::new), userIds.values().toArray(String[]::new));
        return groups
                .chain(() -> tx.preparedQuery("""
                        UPDATE message_states m SET recipient_user_id = u.user_id
                          FROM unnest($1::text[], $2::text[]) AS u (message_id, user_id)
                         WHERE m.message_id = u.message_id AND m.recipient_user_id IS NULL""").execute(users))
                .chain(() -> tx.preparedQuery("""
                        UPDATE sends s SET whatsapp_user_id = u.user_id
                          FROM unnest($1::text[], $2::text[]) AS u (message_id, user_id)
                         WHERE s.provider_message_id = u.message_id AND s.whatsapp_user_id IS NULL""").execute(users))
                .replaceWithVoid();
    }
}
