package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.receipt.Receipt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

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

    static Uni<Void> apply(WebhookRepository repository, SqlClient tx, List<Receipt> fresh, Instant now) {
        String[] groupMessages = fresh.stream().filter(Receipt::groupParticipant).map(Receipt::messageId)
                .distinct().sorted().toArray(String[]::new);
        TreeMap<String, String> userIds = new TreeMap<>();
        fresh.stream().filter(r -> !r.groupParticipant() && r.recipientUserId() != null)
                .forEach(r -> userIds.putIfAbsent(r.messageId(), r.recipientUserId()));
        Uni<Void> groups = groupMessages.length == 0 ? Uni.createFrom().voidItem()
                : repository.updateGroupReach(tx, groupMessages, now);
        if (userIds.isEmpty()) {
            return groups;
        }
        return groups.chain(() -> repository.setRecipientUserIds(tx, userIds.keySet().toArray(String[]::new),
                userIds.values().toArray(String[]::new)));
    }
}
