package io.chatroi.campaigns.conversation;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.common.paging.Page;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.whatsapp.BusinessScopedUserId;
import io.chatroi.common.whatsapp.MessageKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Conversations of a contact (by id, through contacts-service, by phone or by WhatsApp BSUID) or of an agent (every contact the agent
 * wrote to in 1:1 chat), from the webhook's inbound messages, campaign sends and logged chat messages. Newest
 * conversation first; the cursor moves the window's end back to the oldest conversation returned.
 */
@ApplicationScoped
public class ConversationService {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);
    private static final int MAX_MESSAGES = 20_000;

    /** Messages by phone ($1) or BSUID ($5): a username-only user's carry only the BSUID. */
    private static final String MESSAGES = "SELECT direction, phone, user_id, agent, at, text, source FROM ("
            + " SELECT 'inbound' AS direction, from_phone AS phone, from_user_id AS user_id, NULL AS agent, at,"
            + "  coalesce(text, payload) AS text, 'whatsapp' AS source FROM inbound_messages"
            + "  WHERE (from_phone = ANY($1) OR from_user_id = ANY($5)) AND at >= $2 AND at < $3 AND type <> ALL($4)"
            + " UNION ALL SELECT 'outbound', s.phone, s.whatsapp_user_id, c.owner, s.sent_at, t.name, 'campaign'"
            + "  FROM sends s JOIN campaigns c ON c.id = s.campaign_id JOIN templates t ON t.id = s.template_id"
            + "  WHERE (s.phone = ANY($1) OR s.whatsapp_user_id = ANY($5)) AND s.sent_at >= $2 AND s.sent_at < $3"
            + " UNION ALL SELECT direction, phone, NULL, agent, at, text, 'logged' FROM chat_messages"
            + "  WHERE phone = ANY($1) AND at >= $2 AND at < $3"
            + ") m ORDER BY coalesce(phone, user_id), at LIMIT " + MAX_MESSAGES;

    /** Inbound types that are no turn (a reaction, a system notice, an edit...): not part of a conversation. */
    private static final String[] NO_TURN = MessageKind.typesWhere(kind -> !kind.turn());

    private final Pool pool;
    private final ContactsClient contacts;
    private final Clock clock;

    public ConversationService(Pool pool, ContactsClient contacts, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Uni<Page<Conversations.Conversation>> list(UUID contactId, String phone, String userId, String agent,
                                                      Instant from, Instant to, String after, int limit) {
        Instant end = after != null ? decode(after) : to != null ? to : clock.instant().plusSeconds(1);
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("from", "must be before to, at most 366 days apart");
        }
        // one person (by contact, phone or BSUID): every message is theirs, whichever of their names it carries
        Uni<ContactsClient.Address> person;
        if (contactId != null) {
            person = contacts.addressOf(contactId);
        } else if (phone != null) {
            String e164 = PhoneNumbers.e164(phone, null);
            if (e164 == null) {
                throw ProblemException.invalid("phone", "must be a valid phone number in international format");
            }
            person = Uni.createFrom().item(new ContactsClient.Address(e164, null));
        } else if (userId != null) {
            if (!BusinessScopedUserId.isValid(userId)) {
                throw ProblemException.invalid("userId", "must be a business-scoped user id such as"
                        + " US.13491208655302741918");
            }
            person = Uni.createFrom().item(new ContactsClient.Address(null, userId));
        } else if (agent != null && !agent.isBlank()) {
            return agentPhones(agent, start, end).chain(phones -> conversations(phones, List.of(), null, start, end))
                    .map(all -> {
                        all.removeIf(c -> !c.agents().contains(agent));
                        return page(all, limit);
                    });
        } else {
            throw ProblemException.invalid("contactId", "give contactId, phone, userId or agent");
        }
        return person.chain(address -> conversations(address.phone() == null ? List.of() : List.of(address.phone()),
                        address.whatsappUserId() == null ? List.of() : List.of(address.whatsappUserId()), address,
                        start, end))
                .map(all -> page(all, limit));
    }

    private Uni<List<String>> agentPhones(String agent, Instant start, Instant end) {
        return pool.preparedQuery("SELECT DISTINCT phone FROM chat_messages WHERE agent = $1 AND at >= $2"
                        + " AND at < $3").execute(Tuple.of(agent, time(start), time(end)))
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(row -> list.add(row.getString("phone")));
                    return list;
                });
    }

    /** The conversations of these phones and BSUIDs; all of one {@code person} when given, else one per phone. */
    private Uni<List<Conversations.Conversation>> conversations(List<String> phones, List<String> userIds,
                                                                ContactsClient.Address person, Instant start,
                                                                Instant end) {
        return pool.preparedQuery(MESSAGES).execute(Tuple.of(phones.toArray(String[]::new), time(start), time(end),
                        NO_TURN, userIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Conversations.Message> messages = new ArrayList<>();
                    for (Row row : rows) {
                        String messagePhone = person != null ? person.phone() : row.getString("phone");
                        String messageUser = person != null ? person.whatsappUserId() : row.getString("user_id");
                        messages.add(new Conversations.Message(row.getString("direction"), messagePhone, messageUser,
                                row.getString("agent"), instant(row, "at"), row.getString("text"),
                                row.getString("source")));
                    }
                    if (person != null) {
                        messages.sort(Comparator.comparing(Conversations.Message::at));
                    }
                    return new ArrayList<>(Conversations.group(messages));
                });
    }

    private static Page<Conversations.Conversation> page(List<Conversations.Conversation> all, int limit) {
        all.sort(Comparator.comparing(Conversations.Conversation::startedAt).reversed());
        return Page.of(all.subList(0, Math.min(all.size(), limit + 1)), limit, last -> encode(last.startedAt()));
    }

    private static String encode(Instant at) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(at.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant decode(String cursor) {
        try {
            return Instant.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "is not a cursor this endpoint gave");
        }
    }
}
