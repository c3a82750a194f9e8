package io.chatroi.contacts.identity;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.common.phone.PhoneNumbers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies WhatsApp identity changes. The contact holding the previous BSUID (else the previous phone) keeps its id
 * and history and takes the new phone and/or BSUID. When another contact already holds a new one (a message under
 * the new identity arrived first), the two are merged by {@link ContactMerge}'s rule and the survivor carries the
 * new identity. Each item commits on its own; replaying one finds the previous identity gone and changes nothing.
 */
@ApplicationScoped
public class IdentityChangeService {

    static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final ContactRepository contacts;
    private final IdentityRepository identities;
    private final Clock clock;

    public IdentityChangeService(Pool pool, ContactRepository contacts, IdentityRepository identities, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.identities = identities;
        this.clock = clock;
    }

    /** One item, checked and normalised: phones in E.164. */
    record Change(String previousPhone, String previousUserId, String phone, String userId) {
    }

    public Uni<IdentityChanges.Result> apply(IdentityChanges.Request request) {
        if (request == null || request.items() == null || request.items().isEmpty()
                || request.items().size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " identity changes");
        }
        Instant now = clock.instant();
        List<IdentityChanges.Outcome> outcomes = new ArrayList<>();
        List<IdentityChanges.Rejection> rejected = new ArrayList<>();
        return Multi.createFrom().range(0, request.items().size())
                .onItem().transformToUniAndConcatenate(index -> {
                    Change change;
                    try {
                        change = check(request.items().get(index), "items[" + index + "].");
                    } catch (ProblemException e) {
                        rejected.add(new IdentityChanges.Rejection(index, reason(e)));
                        return Uni.createFrom().nullItem();
                    }
                    return pool.withTransaction(tx -> one(tx, change, now))
                            .invoke(outcome -> outcomes.add(new IdentityChanges.Outcome(index, outcome.outcome(),
                                    outcome.contactId())));
                })
                .collect().last()
                .map(ignored -> new IdentityChanges.Result(List.copyOf(outcomes), List.copyOf(rejected)));
    }

    static Change check(IdentityChanges.Item item, String prefix) {
        Validator errors = new Validator();
        if (item == null) {
            throw ProblemException.invalid(prefix.substring(0, prefix.length() - 1), "is null");
        }
        String previousPhone = phone(errors, prefix + "previousPhone", item.previousPhone());
        String phone = phone(errors, prefix + "phone", item.phone());
        String previousUserId = userId(errors, prefix + "previousWhatsappUserId", item.previousWhatsappUserId());
        String userId = userId(errors, prefix + "whatsappUserId", item.whatsappUserId());
        if (item.previousPhone() == null && previousUserId == null) {
            errors.add(prefix + "previousWhatsappUserId", "previousPhone or previousWhatsappUserId is required");
        }
        if (item.phone() == null && userId == null) {
            errors.add(prefix + "whatsappUserId", "phone or whatsappUserId (the new identity) is required");
        }
        errors.throwIfInvalid();
        return new Change(previousPhone, previousUserId, phone, userId);
    }

    private Uni<IdentityChanges.Outcome> one(SqlClient tx, Change change, Instant now) {
        return holder(tx, change.previousUserId(), change.previousPhone()).chain(previous -> {
            if (previous.isEmpty()) {
                return Uni.createFrom().item(new IdentityChanges.Outcome(0, "unknown", null));
            }
            UUID contact = previous.get();
            return others(tx, change, contact).chain(others -> others.isEmpty()
                    ? identities.replace(tx, contact, change.phone(), change.userId(), now)
                    .map(changed -> new IdentityChanges.Outcome(0, changed ? "changed" : "unchanged", contact))
                    : mergeAll(tx, contact, List.copyOf(others), change, now)
                    .map(survivor -> new IdentityChanges.Outcome(0, "merged", survivor)));
        });
    }

    /** The contact holding the previous BSUID, else the previous phone. */
    private Uni<Optional<UUID>> holder(SqlClient tx, String userId, String phone) {
        Uni<Optional<UUID>> byUser = userId == null ? Uni.createFrom().item(Optional.empty())
                : identities.findIdByUserId(tx, userId);
        return byUser.chain(found -> found.isPresent() || phone == null ? Uni.createFrom().item(found)
                : contacts.findIdByPhone(tx, phone));
    }

    /** Contacts other than {@code contact} that already hold the new phone or BSUID. */
    private Uni<Set<UUID>> others(SqlClient tx, Change change, UUID contact) {
        Uni<Optional<UUID>> byPhone = change.phone() == null ? Uni.createFrom().item(Optional.empty())
                : contacts.findIdByPhone(tx, change.phone());
        return byPhone.chain(phoneHolder -> (change.userId() == null ? Uni.createFrom().item(Optional.<UUID>empty())
                : identities.findIdByUserId(tx, change.userId())).map(userHolder -> {
            Set<UUID> others = new LinkedHashSet<>();
            phoneHolder.filter(id -> !id.equals(contact)).ifPresent(others::add);
            userHolder.filter(id -> !id.equals(contact)).ifPresent(others::add);
            return others;
        }));
    }

    /** Merges each other holder with the contact in turn; the survivor ends with the new identity. */
    private Uni<UUID> mergeAll(SqlClient tx, UUID contact, List<UUID> others, Change change, Instant now) {
        Uni<UUID> survivor = Uni.createFrom().item(contact);
        for (UUID other : others) {
            survivor = survivor.chain(current -> identities.lockBoth(tx, current, other).chain(sides -> {
                ContactMerge.Side kept = ContactMerge.survivorOfChange(sides.get(current), sides.get(other));
                ContactMerge.Side gone = kept.id().equals(current) ? sides.get(other) : sides.get(current);
                ContactMerge.Side merged = ContactMerge.withIdentity(ContactMerge.merge(kept, gone, null),
                        change.phone(), change.userId());
                return identities.merge(tx, merged, gone.id(), now).replaceWith(kept.id());
            }));
        }
        return survivor;
    }

    private static String phone(Validator errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<PhoneNumbers.Parsed> parsed = PhoneNumbers.parse(raw, null);
        if (parsed.isEmpty()) {
            errors.add(field, "'" + raw + "' is not a valid phone number");
            return null;
        }
        return parsed.get().e164();
    }

    private static String userId(Validator errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String userId = raw.strip();
        if (!WhatsAppIdentity.isUserId(userId)) {
            errors.add(field, "'" + userId + "' is not a business-scoped user id such as US.13491208655302741918");
        }
        return userId;
    }

    private static String reason(ProblemException problem) {
        if (!problem.errors().isEmpty()) {
            FieldError first = problem.errors().get(0);
            return first.field() + ": " + first.message();
        }
        return problem.getMessage();
    }
}
