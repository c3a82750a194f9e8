package io.chatroi.contacts.tag;

import io.chatroi.common.paging.Cursor;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tag catalogue (system and custom tags) and tags on contacts. */
@ApplicationScoped
public class TagService {

    private static final java.util.regex.Pattern COLOUR =
            java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}|[a-z]{3,20}");

    private final Pool pool;
    private final TagRepository tags;
    private final ContactRepository contacts;
    private final TagAssignments assignments;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public TagService(Pool pool, TagRepository tags, ContactRepository contacts, TagAssignments assignments,
                      IdempotencyKeys idempotency, Clock clock) {
        this.pool = pool;
        this.tags = tags;
        this.contacts = contacts;
        this.assignments = assignments;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Uni<Page<TagView>> list(String category, String after, int limit) {
        String afterName = after == null ? "" : Cursor.decode(after, 1).get(0);
        return tags.list(pool, category, afterName, limit)
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(last.name())));
    }

    public Uni<TagView> get(String name) {
        return tags.find(pool, name).map(found -> found.orElseThrow(() -> ProblemException.notFound("Tag", name)));
    }

    /**
     * Creates a custom tag; with an Idempotency-Key, the key's claim and the insert share one transaction, and a
     * request repeating an earlier one's key and body answers the tag that one created.
     */
    public Uni<TagView> create(TagInput input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a tag object is required");
        }
        Validator errors = new Validator();
        if (!TagNames.isValid(input.name())) {
            errors.add("name", "must be 1-63 letters, digits, spaces or _ : . / - and start with a letter or digit");
        } else if (TagNames.isComputed(input.name())) {
            errors.add("name", "activity: and intent: tags are system tags computed from messages");
        }
        String category = input.category() == null ? "custom" : input.category();
        if (!TagNames.USER_CATEGORIES.contains(category)) {
            errors.add("category", "must be one of " + String.join(", ", TagNames.USER_CATEGORIES.stream().sorted().toList())
                    + " (activity and intent tags are computed)");
        }
        String colour = input.colour() == null ? "grey" : input.colour();
        errors.require(COLOUR.matcher(colour).matches(), "colour", "must be #rrggbb or a colour name");
        errors.throwIfInvalid();
        Instant now = clock.instant();
        // a tag is known by its name (which a replayed body repeats): the key records an id made from it
        UUID id = UUID.nameUUIDFromBytes(input.name().getBytes(StandardCharsets.UTF_8));
        return idempotency.createOnce("tags", idempotencyKey, input, id,
                        tx -> tags.insert(tx, input.name(), colour, category, input.description(), now)
                                .invoke(inserted -> inserted.orElseThrow(
                                        () -> ProblemException.conflict("Tag '" + input.name() + "' exists"))))
                .chain(() -> get(input.name()));
    }

    public Uni<TagView> update(String name, TagInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a tag object is required");
        }
        Validator errors = new Validator();
        errors.require(input.name() == null || input.name().equals(name), "name", "cannot be changed");
        errors.require(input.colour() == null || COLOUR.matcher(input.colour()).matches(), "colour",
                "must be #rrggbb or a colour name");
        errors.require(input.category() == null || TagNames.USER_CATEGORIES.contains(input.category()), "category",
                "must be one of custom, interest, source");
        errors.throwIfInvalid();
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tags.findForUpdate(tx, name).chain(found -> {
            TagView tag = found.orElseThrow(() -> ProblemException.notFound("Tag", name));
            if (tag.system() && input.category() != null && !input.category().equals(tag.category())) {
                throw ProblemException.conflict("The category of system tag '" + name + "' cannot change");
            }
            return tags.update(tx, name, input.colour(), input.category(), input.description(), now);
        }));
    }

    /** Deletes a custom tag and removes it from every contact, recording each removal in the history. */
    public Uni<Void> delete(String name, Caller caller) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tags.findForUpdate(tx, name).chain(found -> {
            TagView tag = found.orElseThrow(() -> ProblemException.notFound("Tag", name));
            if (tag.system()) {
                throw ProblemException.conflict("System tag '" + name + "' cannot be deleted");
            }
            return tags.delete(tx, name, caller.actor(), now);
        }));
    }

    public Uni<Void> assign(UUID contactId, String name, Caller caller) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> contacts.findForUpdate(tx, contactId)
                .chain(found -> {
                    if (found.isEmpty() || found.get().erasedAt() != null) {
                        throw ProblemException.notFound("Contact", contactId);
                    }
                    return assignments.checkAssignable(tx, List.of(name), i -> "name");
                })
                .chain(() -> assignments.add(tx, contactId, List.of(name), caller.actor(), now))
                .call(added -> added.isEmpty() ? Uni.createFrom().voidItem() : contacts.touch(tx, contactId, now))
                .replaceWithVoid());
    }

    public Uni<Void> unassign(UUID contactId, String name, Caller caller) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> contacts.findForUpdate(tx, contactId)
                .chain(found -> {
                    if (found.isEmpty() || found.get().erasedAt() != null) {
                        throw ProblemException.notFound("Contact", contactId);
                    }
                    if (TagNames.isComputed(name)) {
                        throw ProblemException.invalid("name", "'" + name + "' is computed and cannot be removed");
                    }
                    return assignments.remove(tx, contactId, name, caller.actor(), now);
                })
                .call(removed -> removed ? contacts.touch(tx, contactId, now) : Uni.createFrom().voidItem())
                .replaceWithVoid());
    }
}
