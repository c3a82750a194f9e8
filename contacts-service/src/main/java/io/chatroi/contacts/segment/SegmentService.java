package io.chatroi.contacts.segment;

import io.chatroi.common.paging.Cursor;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.contact.AudienceMember;
import io.chatroi.contacts.contact.Contact;
import io.chatroi.contacts.contact.ContactService;
import io.chatroi.contacts.filter.ContactFilter;
import io.chatroi.contacts.filter.ContactFilterParser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Saved segments; members are resolved live with the same filter engine as the contact list. */
@ApplicationScoped
public class SegmentService {

    private final Pool pool;
    private final SegmentRepository segments;
    private final ContactService contacts;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public SegmentService(Pool pool, SegmentRepository segments, ContactService contacts, IdempotencyKeys idempotency,
                          Clock clock) {
        this.pool = pool;
        this.segments = segments;
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Uni<Page<SegmentView>> list(String after, int limit) {
        String afterName = after == null ? "" : Cursor.decode(after, 1).get(0);
        return segments.list(pool, afterName, limit)
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(last.name())));
    }

    public Uni<SegmentView> get(UUID id) {
        return find(id);
    }

    /**
     * Saves a segment; with an Idempotency-Key, the key's claim and the insert share one transaction, and a request
     * repeating an earlier one's key and body answers the segment that one saved.
     */
    public Uni<SegmentView> create(SegmentInput input, String idempotencyKey) {
        validate(input, true);
        String name = input.name().strip();
        Map<String, Object> filter = input.filter() == null ? Map.of() : input.filter();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return idempotency.createOnce("segments", idempotencyKey, input, id,
                        tx -> segments.insert(tx, id, name, input.description(), filter, now)
                                .invoke(inserted -> inserted.orElseThrow(() -> nameTaken(name))))
                .chain(this::find);
    }

    public Uni<SegmentView> update(UUID id, SegmentInput input) {
        validate(input, false);
        String name = input.name() == null ? null : input.name().strip();
        Instant now = clock.instant();
        return pool.withTransaction(tx -> segments.find(tx, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Segment", id)))
                .chain(segment -> name == null || name.equals(segment.name()) ? Uni.createFrom().item(false)
                        : segments.nameTaken(tx, name, id))
                .chain(taken -> {
                    if (taken) {
                        throw nameTaken(name);
                    }
                    return segments.update(tx, id, name, input.description(), input.filter(), now);
                }))
                // the check above cannot see a racing rename or create that has not committed yet
                .onFailure(SegmentRepository::isNameTaken).transform(failure -> nameTaken(name))
                .map(updated -> updated.orElseThrow(() -> ProblemException.notFound("Segment", id)));
    }

    public Uni<Void> delete(UUID id) {
        return pool.withTransaction(tx -> segments.delete(tx, id)).invoke(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Segment", id);
            }
        }).replaceWithVoid();
    }

    /** One page of members; pages are keyset-based, so a million members stream page by page. */
    public Uni<Page<Contact>> members(UUID id, String after, int limit) {
        return find(id).chain(segment -> contacts.list(filterOf(segment), after, limit));
    }

    public Uni<Page<AudienceMember>> audience(UUID id, String after, Integer limit) {
        return find(id).chain(segment -> contacts.audience(filterOf(segment), after, limit));
    }

    public Uni<Long> count(UUID id) {
        return find(id).chain(segment -> contacts.count(filterOf(segment)));
    }

    private Uni<SegmentView> find(UUID id) {
        return segments.find(pool, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("Segment", id)));
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("A segment named '" + name + "' exists");
    }

    private static ContactFilter filterOf(SegmentView segment) {
        ContactFilter filter = ContactFilterParser.fromJson(segment.filter(), "filter.");
        if (filter.updatedAfter() != null) {
            throw ProblemException.invalid("filter.updatedAfter", "is for incremental sync, not for segments");
        }
        return filter;
    }

    private static void validate(SegmentInput input, boolean creating) {
        if (input == null) {
            throw ProblemException.invalid("body", "a segment object is required");
        }
        Validator errors = new Validator();
        if (creating || input.name() != null) {
            errors.require(input.name() != null && !input.name().isBlank() && input.name().length() <= 100,
                    "name", "is required, at most 100 characters");
        }
        errors.throwIfInvalid();
        if (input.filter() != null) {
            ContactFilter filter = ContactFilterParser.fromJson(input.filter(), "filter.");
            if (filter.updatedAfter() != null) {
                throw ProblemException.invalid("filter.updatedAfter", "is for incremental sync, not for segments");
            }
        }
    }
}
