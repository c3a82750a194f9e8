package io.chatroi.contacts.interaction;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.classification.RuleService;
import io.chatroi.contacts.classification.TextClassifier;
import io.chatroi.contacts.contact.ContactFields;
import io.chatroi.contacts.contact.ContactInput;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.contacts.contact.ContactStage;
import io.chatroi.contacts.contact.Source;
import io.chatroi.common.input.TextRules;
import io.chatroi.contacts.identity.IdentityResolver;
import io.chatroi.contacts.identity.WhatsAppIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a batch of interactions keyed by phone or WhatsApp BSUID (see {@link IdentityResolver}). Each item
 * commits on its own, so one bad item never blocks the others, and replaying a batch with externalIds changes
 * nothing.
 */
@ApplicationScoped
public class BulkInteractionService {

    static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final ContactRepository contacts;
    private final RuleService rules;
    private final InteractionService interactions;
    private final IdentityResolver identities;
    private final Clock clock;

    public BulkInteractionService(Pool pool, ContactRepository contacts, RuleService rules,
                                  InteractionService interactions, IdentityResolver identities, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.rules = rules;
        this.interactions = interactions;
        this.identities = identities;
        this.clock = clock;
    }

    public Uni<BulkInteractions.Result> apply(BulkInteractions.Request request) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " interactions");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "must hold at most " + MAX_ITEMS + " interactions");
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        List<BulkInteractions.Rejection> rejected = new ArrayList<>();
        Instant now = clock.instant();
        return rules.classifier(pool).chain(classifier -> Multi.createFrom().range(0, request.items().size())
                .onItem().transformToUniAndConcatenate(index -> one(request, index, classifier, now)
                        .invoke(outcome -> {
                            if (outcome.contactCreated()) {
                                created.incrementAndGet();
                            }
                            if (outcome.result().duplicate()) {
                                duplicates.incrementAndGet();
                            } else {
                                accepted.incrementAndGet();
                            }
                        })
                        .onFailure().recoverWithItem(failure -> {
                            rejected.add(new BulkInteractions.Rejection(index, reason(failure)));
                            return null;
                        }))
                .collect().last()
                .map(ignored -> new BulkInteractions.Result(accepted.get(), duplicates.get(), created.get(),
                        List.copyOf(rejected))));
    }

    private record Outcome(InteractionResult result, boolean contactCreated) {
    }

    private Uni<Outcome> one(BulkInteractions.Request request, int index, TextClassifier classifier, Instant now) {
        BulkInteractions.Item item = request.items().get(index);
        if (item == null) {
            return Uni.createFrom().failure(ProblemException.invalid("items[" + index + "]", "is null"));
        }
        InteractionInput input;
        WhatsAppIdentity identity;
        try {
            identity = identity(item);
            input = InteractionService.validate(item.interaction(), now, "");
            Validator details = new Validator();
            item.details().validate(details);
            details.throwIfInvalid();
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.withTransaction(tx -> identities.resolve(tx, identity, now).chain(existing -> {
            if (existing.isPresent()) {
                return interactions.apply(tx, existing.get(), input, item.details(), classifier, now)
                        .map(result -> new Outcome(result, false));
            }
            if (!request.createMissingContacts()) {
                throw identity.phone() != null ? ProblemException.notFound("Contact with phone", identity.phone())
                        : ProblemException.notFound("Contact with whatsappUserId", identity.userId());
            }
            ContactFields fields = newContact(identity, item);
            UUID id = UUID.randomUUID();
            return contacts.insert(tx, id, fields, null, now)
                    .chain(() -> identities.remember(tx, id, identity, now))
                    .chain(() -> interactions.apply(tx, id, input, item.details(), classifier, now))
                    .map(result -> new Outcome(result, true));
        }));
    }

    /** The item's phone (E.164) and BSUID: one of them is required, and each must be well formed. */
    private static WhatsAppIdentity identity(BulkInteractions.Item item) {
        Validator errors = new Validator();
        String rawPhone = item.phone() == null || item.phone().isBlank() ? null : item.phone();
        String userId = item.whatsappUserId() == null || item.whatsappUserId().isBlank() ? null
                : item.whatsappUserId().strip();
        String username = item.username() == null || item.username().isBlank() ? null : item.username().strip();
        String e164 = null;
        if (rawPhone != null) {
            Optional<PhoneNumbers.Parsed> phone = PhoneNumbers.parse(rawPhone, null);
            if (phone.isEmpty()) {
                errors.add("phone", "'" + rawPhone + "' is not a valid phone number");
            } else {
                e164 = phone.get().e164();
            }
        } else if (userId == null) {
            errors.add("phone", "is required unless whatsappUserId is given");
        }
        WhatsAppIdentity.check(errors, userId, username);
        errors.throwIfInvalid();
        return new WhatsAppIdentity(e164, userId, username);
    }

    /** A contact an unknown sender becomes; one known by BSUID alone has no phone and the UTC time zone. */
    private static ContactFields newContact(WhatsAppIdentity identity, BulkInteractions.Item item) {
        Validator errors = new Validator();
        if (identity.phone() != null) {
            ContactFields fields = ContactFields.from(new ContactInput(identity.phone(), item.name(), null, null,
                    null, null, item.source(), null, null, null, null, null, null, null), "other", errors);
            errors.throwIfInvalid();
            return fields;
        }
        String source = item.source() == null || item.source().isBlank() ? "other" : item.source().strip();
        if (Source.fromWire(source) == null) {
            errors.add("source", "'" + source + "' is not one of: " + Source.ALLOWED);
        }
        TextRules.checkLine(errors, "name", item.name(), ContactFields.MAX_NAME);
        errors.throwIfInvalid();
        String name = item.name() == null || item.name().isBlank() ? null : item.name().strip();
        return new ContactFields(null, name, null, null, null, "UTC", source, null, ContactStage.NEW.wire(), null,
                false, null, Map.of());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof ProblemException problem && !problem.errors().isEmpty()) {
            FieldError first = problem.errors().get(0);
            return first.field() + ": " + first.message();
        }
        return failure instanceof ProblemException ? failure.getMessage() : "could not be stored";
    }
}
