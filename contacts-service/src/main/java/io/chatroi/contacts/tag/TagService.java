package io.chatroi.contacts.tag;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.common.paging.Cursor;
import io.chatroi.common.paging.Page;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.web.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The tag catalogue (system and custom tags) and tags on contacts. */
@ApplicationScoped
public class TagService {

    private static final java.util.regex.Pattern COLOUR =
            java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}|[a-z]{3,20}");

    private final Pool pool;
    private final ContactRepository contacts;
    private final TagAssignments assignments;

    public TagService(Pool pool, ContactRepository contacts, TagAssignments assignments) {
        this.pool = pool;
        this.contacts = contacts;
        this.assignments = assignments;
    }

    @WithSession
    public Uni<Page<TagView>> list(String category, String after, int limit) {
        String query = category == null ? "name > ?1" : "name > ?1 and category = ?2";
        Object[] params = category == null ? new Object[]{after == null ? "" : Cursor.decode(after, 1).get(0)}
                : new Object[]{after == null ? "" : Cursor.decode(after, 1).get(0), category};
        return Tag.<Tag>find(query, Sort.by("name"), params).page(0, limit + 1).list().map(tags -> {
            List<TagView> views = tags.stream().limit(limit).map(TagView::of).toList();
            String next = tags.size() > limit ? Cursor.encode(views.get(limit - 1).name()) : null;
            return new Page<>(views, next);
        });
    }

    @WithSession
    public Uni<TagView> get(String name) {
        return Tag.<Tag>findById(name).map(tag -> {
            if (tag == null) {
                throw ProblemException.notFound("Tag", name);
            }
            return TagView.of(tag);
        });
    }

    @WithTransaction
    public Uni<TagView> create(TagInput input) {
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
        return Tag.<Tag>findById(input.name()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("Tag '" + input.name() + "' exists");
            }
            Tag tag = new Tag();
            tag.name = input.name();
            tag.colour = colour;
            tag.category = category;
            tag.description = input.description();
            tag.system = false;
            tag.createdAt = Instant.now();
            tag.updatedAt = tag.createdAt;
            return tag.<Tag>persist().map(TagView::of);
        });
    }

    @WithTransaction
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
        return Tag.<Tag>findById(name).map(tag -> {
            if (tag == null) {
                throw ProblemException.notFound("Tag", name);
            }
            if (tag.system && input.category() != null && !input.category().equals(tag.category)) {
                throw ProblemException.conflict("The category of system tag '" + name + "' cannot change");
            }
            if (input.colour() != null) {
                tag.colour = input.colour();
            }
            if (input.category() != null) {
                tag.category = input.category();
            }
            if (input.description() != null) {
                tag.description = input.description();
            }
            tag.updatedAt = Instant.now();
            return TagView.of(tag);
        });
    }

    /** Deletes a custom tag and removes it from every contact, recording each removal in the history. */
    public Uni<Void> delete(String name, Caller caller) {
        Instant now = Instant.now();
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT system FROM tags WHERE name = $1 FOR UPDATE")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(name))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Tag", name);
                    }
                    if (rows.iterator().next().getBoolean("system")) {
                        throw ProblemException.conflict("System tag '" + name + "' cannot be deleted");
                    }
                    return tx.preparedQuery("WITH removed AS (DELETE FROM contact_tags WHERE tag_name = $1"
                                    + " RETURNING contact_id) INSERT INTO tag_events (contact_id, tag_name, action, at, actor)"
                                    + " SELECT contact_id, $1, 'removed', $2, $3 FROM removed")
                            .execute(io.vertx.mutiny.sqlclient.Tuple.of(name, time(now), caller.actor()))
                            .chain(() -> tx.preparedQuery("DELETE FROM tags WHERE name = $1")
                                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(name)))
                            .replaceWithVoid();
                }));
    }

    public Uni<Void> assign(UUID contactId, String name, Caller caller) {
        Instant now = Instant.now();
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
        Instant now = Instant.now();
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
