package io.chatroi.contacts.segment;

import io.chatroi.common.paging.Cursor;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.Contact;
import io.chatroi.contacts.contact.ContactService;
import io.chatroi.contacts.filter.ContactFilter;
import io.chatroi.contacts.filter.ContactFilterParser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saved segments; members are resolved live with the same filter engine as the contact list. */
@ApplicationScoped
public class SegmentService {

    private final ContactService contacts;

    public SegmentService(ContactService contacts) {
        this.contacts = contacts;
    }

    @WithSession
    public Uni<Page<SegmentView>> list(String after, int limit) {
        String from = after == null ? "" : Cursor.decode(after, 1).get(0);
        return Segment.<Segment>find("name > ?1", Sort.by("name"), from).page(0, limit + 1).list().map(rows -> {
            List<SegmentView> views = rows.stream().limit(limit).map(SegmentView::of).toList();
            return new Page<>(views, rows.size() > limit ? Cursor.encode(views.get(limit - 1).name()) : null);
        });
    }

    @WithSession
    public Uni<SegmentView> get(UUID id) {
        return find(id).map(SegmentView::of);
    }

    @WithTransaction
    public Uni<SegmentView> create(SegmentInput input) {
        validate(input, true);
        return Segment.count("name", input.name().strip()).chain(count -> {
            if (count > 0) {
                throw ProblemException.conflict("A segment named '" + input.name().strip() + "' exists");
            }
            Segment segment = new Segment();
            segment.id = UUID.randomUUID();
            segment.name = input.name().strip();
            segment.description = input.description();
            segment.filter = input.filter() == null ? Map.of() : input.filter();
            segment.createdAt = Instant.now();
            segment.updatedAt = segment.createdAt;
            return segment.<Segment>persist().map(SegmentView::of);
        });
    }

    @WithTransaction
    public Uni<SegmentView> update(UUID id, SegmentInput input) {
        validate(input, false);
        return find(id).chain(segment -> {
            Uni<Long> clash = input.name() == null || input.name().strip().equals(segment.name)
                    ? Uni.createFrom().item(0L) : Segment.count("name", input.name().strip());
            return clash.map(count -> {
                if (count > 0) {
                    throw ProblemException.conflict("A segment named '" + input.name().strip() + "' exists");
                }
                if (input.name() != null) {
                    segment.name = input.name().strip();
                }
                if (input.description() != null) {
                    segment.description = input.description();
                }
                if (input.filter() != null) {
                    segment.filter = input.filter();
                }
                segment.updatedAt = Instant.now();
                return SegmentView.of(segment);
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return find(id).chain(segment -> segment.delete());
    }

    /** One page of members; pages are keyset-based, so a million members stream page by page. */
    @WithSession
    public Uni<Page<Contact>> members(UUID id, String after, int limit) {
        return find(id).chain(segment -> contacts.list(filterOf(segment), after, limit));
    }

    @WithSession
    public Uni<Page<io.chatroi.contacts.contact.AudienceMember>> audience(UUID id, String after, Integer limit) {
        return find(id).chain(segment -> contacts.audience(filterOf(segment), after, limit));
    }

    @WithSession
    public Uni<Long> count(UUID id) {
        return find(id).chain(segment -> contacts.count(filterOf(segment)));
    }

    private static ContactFilter filterOf(Segment segment) {
        ContactFilter filter = ContactFilterParser.fromJson(segment.filter, "filter.");
        if (filter.updatedAfter() != null) {
            throw ProblemException.invalid("filter.updatedAfter", "is for incremental sync, not for segments");
        }
        return filter;
    }

    private static Uni<Segment> find(UUID id) {
        return Segment.<Segment>findById(id).map(segment -> {
            if (segment == null) {
                throw ProblemException.notFound("Segment", id);
            }
            return segment;
        });
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
