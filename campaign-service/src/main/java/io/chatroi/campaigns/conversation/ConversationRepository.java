package io.chatroi.campaigns.conversation;

import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.chatroi.common.sql.SqlArrays.column;
import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of conversations: the messages of phones and BSUIDs in a time window, from the webhook's inbound messages,
 * campaign sends and logged chat messages, the phones an agent wrote to, and the logging of chat messages.
 */
@ApplicationScoped
public class ConversationRepository {

    /**
     * Messages by phone ($1) or BSUID ($5): a username-only user's carry only the BSUID. At most 20,000 messages
     * are read for one request.
     */
    private static final String MESSAGES = """
            SELECT direction, phone, user_id, agent, at, text, source FROM (
              SELECT 'inbound' AS direction, from_phone AS phone, from_user_id AS user_id, NULL AS agent, at,
                     coalesce(text, payload) AS text, 'whatsapp' AS source FROM inbound_messages
               WHERE (from_phone = ANY($1) OR from_user_id = ANY($5)) AND at >= $2 AND at < $3 AND type <> ALL($4)
              UNION ALL SELECT 'outbound', s.phone, s.whatsapp_user_id, c.owner, s.sent_at, t.name, 'campaign'
                FROM sends s JOIN campaigns c ON c.id = s.campaign_id JOIN templates t ON t.id = s.template_id
               WHERE (s.phone = ANY($1) OR s.whatsapp_user_id = ANY($5)) AND s.sent_at >= $2 AND s.sent_at < $3
              UNION ALL SELECT direction, phone, NULL, agent, at, text, 'logged' FROM chat_messages
               WHERE phone = ANY($1) AND at >= $2 AND at < $3
            ) m ORDER BY coalesce(phone, user_id), at LIMIT 20000""";

    /** Logged messages; one already logged under its external id is skipped. Returns the ids inserted. */
    private static final String INSERT_CHAT_MESSAGES = """
            INSERT INTO chat_messages (id, external_id, direction, phone, agent, at, text, created_at)
            SELECT u.*, $8
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[]) AS u
            ON CONFLICT (external_id) DO NOTHING
            RETURNING id""";

    /** A chat message to log: its new id, the item as posted and its phone in E.164. */
    public record ChatMessage(UUID id, ChatMessages.Item item, String phone) {
    }

    private static final String AGENT_PHONES = """
            SELECT DISTINCT phone FROM chat_messages WHERE agent = $1 AND at >= $2 AND at < $3""";

    /** Inbound types that are no turn (a reaction, a system notice, an edit...): not part of a conversation. */
    private static final String[] NO_TURN = MessageKind.typesWhere(kind -> !kind.turn());

    /** The phones an agent wrote to (or was written to by) in 1:1 chat in [start, end). */
    public Uni<List<String>> agentPhones(SqlClient client, String agent, Instant start, Instant end) {
        return client.preparedQuery(AGENT_PHONES).execute(Tuple.of(agent, time(start), time(end)))
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(row -> list.add(row.getString("phone")));
                    return list;
                });
    }

    /** The messages (turns only) of these phones and BSUIDs in [start, end), by phone or BSUID, then time. */
    public Uni<List<Conversations.Message>> messages(SqlClient client, List<String> phones, List<String> userIds,
                                                     Instant start, Instant end) {
        return client.preparedQuery(MESSAGES).execute(Tuple.of(phones.toArray(String[]::new), time(start), time(end),
                        NO_TURN, userIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Conversations.Message> messages = new ArrayList<>();
                    for (Row row : rows) {
                        messages.add(new Conversations.Message(row.getString("direction"), row.getString("phone"),
                                row.getString("user_id"), row.getString("agent"), instant(row, "at"),
                                row.getString("text"), row.getString("source")));
                    }
                    return messages;
                });
    }

    public Uni<Set<UUID>> insertChatMessages(SqlClient tx, List<ChatMessage> messages, Instant now) {
        return tx.preparedQuery(INSERT_CHAT_MESSAGES)
                .execute(Tuple.from(new Object[]{column(messages, ChatMessage::id, UUID[]::new),
                        column(messages, m -> m.item().externalId(), String[]::new),
                        column(messages, m -> m.item().direction(), String[]::new),
                        column(messages, ChatMessage::phone, String[]::new),
                        column(messages, m -> m.item().agent(), String[]::new),
                        column(messages, m -> time(m.item().at()), OffsetDateTime[]::new),
                        column(messages, m -> m.item().text(), String[]::new), time(now)}))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getUUID("id")));
                    return inserted;
                });
    }
}
