package io.chatroi.contacts.tag;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Adds and removes tags on contacts and records each change in the tag history (who, when), in the caller's
 * transaction. Adding a tag a contact has is a no-op and records nothing.
 */
@ApplicationScoped
public class TagAssignments {

    private final TagRepository repository;

    public TagAssignments(TagRepository repository) {
        this.repository = repository;
    }

    /** Fails with 400 naming {@code field} (of the tag's index) when a tag does not exist or is computed. */
    public Uni<Void> checkAssignable(SqlClient client, List<String> names, IntFunction<String> field) {
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.existing(client, names).map(known -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (TagNames.isComputed(name)) {
                    errors.add(new FieldError(field.apply(i),
                            "'" + name + "' is computed from the contact's messages and cannot be assigned"));
                } else if (!known.contains(name)) {
                    errors.add(new FieldError(field.apply(i), "tag '" + name + "' does not exist"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return null;
        });
    }

    /** Assigns tags; returns the names that were newly added. */
    public Uni<List<String>> add(SqlClient client, UUID contactId, List<String> names, String actor, Instant at) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return repository.assign(client, contactId, names, actor, at);
    }

    /** Removes a tag; returns whether the contact had it. */
    public Uni<Boolean> remove(SqlClient client, UUID contactId, String name, String actor, Instant at) {
        return repository.unassign(client, contactId, name, actor, at);
    }

    /** Records tier moves (computed tags) in the history without storing the tier as an assignment. */
    public Uni<Void> recordTierMove(SqlClient client, UUID contactId, String fromTag, String toTag, String actor,
                                    Instant at) {
        List<TagRepository.TagEvent> events = new ArrayList<>();
        if (fromTag != null) {
            events.add(new TagRepository.TagEvent(fromTag, "removed"));
        }
        if (toTag != null) {
            events.add(new TagRepository.TagEvent(toTag, "added"));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.recordEvents(client, contactId, events, actor, at);
    }
}
