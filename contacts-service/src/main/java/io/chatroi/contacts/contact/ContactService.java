package io.chatroi.contacts.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.filter.ContactFilter;
import io.chatroi.contacts.filter.ContactQuery;
import io.chatroi.contacts.followup.FollowUpService;
import io.chatroi.contacts.tag.TagAssignments;
import io.chatroi.contacts.web.Caller;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Contact lifecycle: create, read, list, merge-patch update and GDPR erasure. */
@ApplicationScoped
public class ContactService {

    private final Pool pool;
    private final ContactRepository contacts;
    private final TagAssignments tags;
    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public ContactService(Pool pool, ContactRepository contacts, TagAssignments tags, FollowUpService followUps,
                          IdempotencyKeys idempotency, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.tags = tags;
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Contact> create(ContactInput input, Caller caller, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a contact object is required");
        }
        Validator errors = new Validator();
        ContactFields fields = ContactFields.from(input, Source.OTHER.wire(), errors);
        List<String> tagNames = input.tags() == null ? List.of() : input.tags();
        errors.throwIfInvalid();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String requestBody = String.valueOf(json.valueToTree(input));
        return pool.withTransaction(tx -> idempotency.claim(tx, "contacts", idempotencyKey, requestBody, id)
                .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                        : insertNew(tx, id, fields, tagNames, caller, now)))
                .chain(this::get);
    }

    private Uni<UUID> insertNew(SqlClient tx, UUID id, ContactFields fields, List<String> tagNames, Caller caller,
                                Instant now) {
        return checkReferrer(tx, fields.referredBy(), caller)
                .chain(() -> tags.checkAssignable(tx, tagNames, i -> "tags[" + i + "]"))
                .chain(() -> contacts.insert(tx, id, fields, null, now))
                .chain(inserted -> inserted.isPresent() ? Uni.createFrom().item(id)
                        : contacts.findHolderOfPhone(tx, fields.phone()).map(existing -> {
                            throw phoneTaken(fields.phone(), existing, caller);
                        }))
                .call(() -> tags.add(tx, id, tagNames, caller.actor(), now))
                .call(() -> followUps.refresh(tx, List.of(id), now));
    }

    public Uni<Contact> get(UUID id) {
        return contacts.find(pool, id).map(row -> row
                .orElseThrow(() -> ProblemException.notFound("Contact", id))
                .toContact(clock.instant()));
    }

    public Uni<Page<Contact>> list(ContactFilter filter, String after, int limit) {
        Instant now = clock.instant();
        return contacts.list(pool, filter, after, limit, now).map(rows -> page(rows, filter, limit, now));
    }

    /** Audience pages hold up to {@link #MAX_AUDIENCE_PAGE} members. */
    public static final int MAX_AUDIENCE_PAGE = 5000;

    public Uni<Page<AudienceMember>> audience(ContactFilter filter, String after, Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_AUDIENCE_PAGE)) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_AUDIENCE_PAGE);
        }
        int size = limit == null ? MAX_AUDIENCE_PAGE : limit;
        return contacts.audience(pool, filter, after, size, clock.instant()).map(rows -> Page.of(rows, size,
                last -> ContactQuery.cursorOf(switch (filter.order()) {
                    case NEWEST -> last.createdAt();
                    case SYNC -> last.updatedAt();
                    case RECENTLY_ACTIVE -> last.lastInboundAt();
                }, last.id())));
    }

    public Uni<Long> count(ContactFilter filter) {
        return contacts.count(pool, filter, clock.instant());
    }

    static Page<Contact> page(List<ContactRow> rows, ContactFilter filter, int limit, Instant now) {
        Page<ContactRow> page = Page.of(rows, limit, last -> ContactQuery.cursorOf(switch (filter.order()) {
            case NEWEST -> last.createdAt();
            case SYNC -> last.updatedAt();
            case RECENTLY_ACTIVE -> last.lastInboundAt();
        }, last.id()));
        return new Page<>(page.items().stream().map(row -> row.toContact(now)).toList(), page.nextCursor());
    }

    /** Applies an RFC 7396 JSON merge patch to the contact's writable fields. */
    public Uni<Contact> patch(UUID id, JsonNode patch, Caller caller) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a JSON merge patch must be an object");
        }
        if (patch.has("tags")) {
            throw ProblemException.invalid("tags", "change tags with PUT or DELETE /api/v1/contacts/{id}/tags/{name}");
        }
        Instant now = clock.instant();
        return pool.withTransaction(tx -> contacts.findForUpdate(tx, id)
                .chain(found -> {
                    ContactRow row = found.filter(r -> r.erasedAt() == null)
                            .orElseThrow(() -> ProblemException.notFound("Contact", id));
                    ContactInput merged = merge(row, (ObjectNode) patch);
                    Validator errors = new Validator();
                    ContactFields fields = ContactFields.from(merged, row.source(), errors);
                    errors.throwIfInvalid();
                    if (id.equals(fields.referredBy())) {
                        throw ProblemException.invalid("referredBy", "a contact cannot refer itself");
                    }
                    return checkReferrer(tx, fields.referredBy(), caller)
                            .chain(() -> phoneFree(tx, id, fields.phone(), caller))
                            .chain(() -> contacts.update(tx, id, fields, now))
                            .chain(() -> followUps.refresh(tx, List.of(id), now));
                }))
                .chain(() -> get(id));
    }

    public Uni<Void> erase(UUID id) {
        return pool.withTransaction(tx -> contacts.find(tx, id).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Contact", id);
            }
            return contacts.erase(tx, id, clock.instant()).replaceWithVoid();
        }));
    }

    private ContactInput merge(ContactRow row, ObjectNode patch) {
        ContactInput current = new ContactInput(row.phone(), row.name(), row.company(), row.country(), row.language(),
                row.timeZone(), row.source(), row.owner(), row.stage(), row.acceptedAt(), row.optedOut(),
                row.referredBy(), row.attributes(), null);
        JsonNode target = json.valueToTree(current);
        JsonMergePatch.apply(target, patch);
        try {
            return json.treeToValue(target, ContactInput.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage(), e);
        }
    }

    /** A referrer must be a live contact the caller may see; any other answers exactly like an unknown id. */
    private Uni<Void> checkReferrer(SqlClient tx, UUID referredBy, Caller caller) {
        if (referredBy == null) {
            return Uni.createFrom().voidItem();
        }
        return contacts.findLive(tx, referredBy).map(found -> {
            if (found.filter(referrer -> caller.maySee(referrer.owner())).isEmpty()) {
                throw ProblemException.invalid("referredBy", "contact " + referredBy + " does not exist");
            }
            return null;
        });
    }

    private Uni<Void> phoneFree(SqlClient tx, UUID id, String phone, Caller caller) {
        return contacts.findHolderOfPhone(tx, phone).map(existing -> {
            if (existing.isPresent() && !existing.get().id().equals(id)) {
                throw phoneTaken(phone, existing, caller);
            }
            return null;
        });
    }

    /** 409 for a phone another contact holds; its id is named only to a caller who may see that contact. */
    private static ProblemException phoneTaken(String phone, Optional<ContactRepository.PhoneHolder> holder,
                                               Caller caller) {
        String detail = "A contact with phone " + phone + " exists";
        return holder.filter(h -> caller.maySee(h.owner()))
                .map(h -> ProblemException.conflict(detail, Map.of("existingId", h.id().toString())))
                .orElseGet(() -> ProblemException.conflict(detail));
    }
}
