package io.chatroi.contacts.interaction;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.classification.RuleService;
import io.chatroi.contacts.classification.TextClassifier;
import io.chatroi.contacts.contact.ContactFields;
import io.chatroi.contacts.contact.ContactInput;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.PhoneNumbers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a batch of interactions keyed by phone. Each item commits on its own, so one bad item never blocks the
 * others, and replaying a batch with externalIds changes nothing.
 */
@ApplicationScoped
public class BulkInteractionService {

    static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final ContactRepository contacts;
    private final RuleService rules;
    private final InteractionService interactions;

    public BulkInteractionService(Pool pool, ContactRepository contacts, RuleService rules,
                                  InteractionService interactions) {
        this.pool = pool;
        this.contacts = contacts;
        this.rules = rules;
        this.interactions = interactions;
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
        Instant now = Instant.now();
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
        Optional<PhoneNumbers.Parsed> phone = PhoneNumbers.parse(item.phone(), null);
        try {
            if (phone.isEmpty()) {
                throw ProblemException.invalid("phone", "'" + item.phone() + "' is not a valid phone number");
            }
            input = InteractionService.validate(item.interaction(), now, "");
            Validator details = new Validator();
            item.details().validate(details);
            details.throwIfInvalid();
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        String e164 = phone.get().e164();
        return pool.withTransaction(tx -> contacts.findIdByPhone(tx, e164).chain(existing -> {
            if (existing.isPresent()) {
                return interactions.apply(tx, existing.get(), input, item.details(), classifier, now)
                        .map(result -> new Outcome(result, false));
            }
            if (!request.createMissingContacts()) {
                throw ProblemException.notFound("Contact with phone", e164);
            }
            Validator errors = new Validator();
            ContactFields fields = ContactFields.from(new ContactInput(e164, item.name(), null, null, null, null,
                    item.source(), null, null, null, null, null, null, null), "other", errors);
            errors.throwIfInvalid();
            UUID id = UUID.randomUUID();
            return contacts.insert(tx, id, fields, null, now)
                    .chain(() -> interactions.apply(tx, id, input, item.details(), classifier, now))
                    .map(result -> new Outcome(result, true));
        }));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof ProblemException problem && !problem.errors().isEmpty()) {
            FieldError first = problem.errors().get(0);
            return first.field() + ": " + first.message();
        }
        return failure instanceof ProblemException ? failure.getMessage() : "could not be stored";
    }
}
