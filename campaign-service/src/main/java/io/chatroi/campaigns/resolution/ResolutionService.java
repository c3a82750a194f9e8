package io.chatroi.campaigns.resolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Explicit resolutions of conversations (seed 003's resolution time ends at one, or at a deal won or lost). The
 * contact is looked up in contacts-service as the caller may see it, so an agent resolves only its own contacts'
 * conversations; the Idempotency-Key claim and the insert share one transaction.
 */
@ApplicationScoped
public class ResolutionService {

    /** How far ahead of our clock a caller's clock may run. */
    static final Duration SKEW = Duration.ofMinutes(5);
    private static final String AGENT = "agent";

    private final Pool pool;
    private final ContactsClient contacts;
    private final ResolutionRepository repository;
    private final io.chatroi.common.web.IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public ResolutionService(Pool pool, ContactsClient contacts, ResolutionRepository repository,
                             io.chatroi.common.web.IdempotencyKeys idempotency, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.repository = repository;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Resolution> resolve(ResolutionInput input, String idempotencyKey, String role, String owner) {
        if (input == null) {
            throw ProblemException.invalid("body", "a resolution object is required");
        }
        Instant now = clock.instant();
        Validator errors = new Validator();
        String phone = input.phone() == null ? null : PhoneNumbers.e164(input.phone(), null);
        if (input.contactId() == null && input.phone() == null) {
            errors.add("contactId", "give contactId or phone");
        } else if (input.contactId() != null && input.phone() != null) {
            errors.add("phone", "give contactId or phone, not both");
        } else if (input.phone() != null && phone == null) {
            errors.add("phone", "must be a valid phone number in international format");
        }
        Instant at = input.at() == null ? now : input.at();
        errors.require(!at.isAfter(now.plus(SKEW)), "at", "must not be in the future");
        String by = input.by() == null && AGENT.equals(role) ? owner : input.by();
        errors.require(by != null && !by.isBlank(), "by", "is required: who resolved the conversation");
        if (by != null) {
            TextRules.checkLine(errors, "by", by, TextRules.MAX_LABEL);
        }
        errors.throwIfInvalid();
        String body = String.valueOf(json.valueToTree(input));
        UUID id = UUID.randomUUID();
        return contacts.find(input.contactId(), phone, role, owner).chain(found -> {
            if (found.isEmpty()) {
                // another owner's contact is unknown to an agent, as in contacts-service
                throw ProblemException.invalid(input.contactId() != null ? "contactId" : "phone", "no such contact");
            }
            ContactsClient.ContactRef contact = found.get();
            return pool.withTransaction(tx -> idempotency.claim(tx, "resolutions", idempotencyKey, body, id)
                    .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                            : repository.insert(tx, id, contact.id(), contact.phone(), at, by.strip(),
                            contact.owner(), now).replaceWith(id)));
        }).chain(this::get);
    }

    public Uni<Resolution> get(UUID id) {
        return repository.find(pool, id).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("Resolution", id)));
    }

    public Uni<Page<Resolution>> changed(Instant updatedAfter, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return repository.changed(pool, updatedAfter, cursor, limit + 1).map(items -> Page.of(items, limit,
                last -> new TimeIdCursor(last.updatedAt(), last.id()).encode()));
    }
}
