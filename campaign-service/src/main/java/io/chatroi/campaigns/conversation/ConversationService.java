package io.chatroi.campaigns.conversation;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.common.paging.Page;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.whatsapp.BusinessScopedUserId;
import io.chatroi.common.time.InstantWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;


/**
 * Conversations of a contact (by id, through contacts-service, by phone or by WhatsApp BSUID) or of an agent (every contact the agent
 * wrote to in 1:1 chat), from the webhook's inbound messages, campaign sends and logged chat messages. Newest
 * conversation first; the cursor moves the window's end back to the oldest conversation returned.
 */
@ApplicationScoped
public class ConversationService {

    private final Pool pool;
    private final ConversationRepository repository;
    private final ContactsClient contacts;
    private final Clock clock;

    public ConversationService(Pool pool, ConversationRepository repository, ContactsClient contacts, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Uni<Page<Conversations.Conversation>> list(UUID contactId, String phone, String userId, String agent,
                                                      Instant from, Instant to, String after, int limit) {
        Instant end = after != null ? decode(after) : to != null ? to : clock.instant().plusSeconds(1);
        Instant start = InstantWindow.endingAt(from, end).requireValid().from();
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
            return repository.agentPhones(pool, agent, start, end).chain(phones -> conversations(phones, List.of(), null, start, end))
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

    /** The conversations of these phones and BSUIDs; all of one {@code person} when given, else one per phone. */
    private Uni<List<Conversations.Conversation>> conversations(List<String> phones, List<String> userIds,
                                                                ContactsClient.Address person, Instant start,
                                                                Instant end) {
        return repository.messages(pool, phones, userIds, start, end)
                .map(rows -> {
                    List<Conversations.Message> messages = new ArrayList<>(rows.size());
                    for (Conversations.Message m : rows) {
                        // one person: every message is theirs, whichever of their names it carries
                        messages.add(person == null ? m : new Conversations.Message(m.direction(), person.phone(),
                                person.whatsappUserId(), m.agent(), m.at(), m.text(), m.source()));
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
