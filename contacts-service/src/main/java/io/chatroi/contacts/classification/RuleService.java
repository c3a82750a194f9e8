package io.chatroi.contacts.classification;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.tier.IntentTier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Trigger rules as data: the system rules of docs/tiers.md plus each workspace's own. Rules are read per
 * request (a few hundred rows), so every replica classifies with the same rules the moment one is added.
 */
@ApplicationScoped
public class RuleService {

    private static final Set<String> INTEREST_LABELS = Set.of("discount", "new-product", "function", "content", "loyal");

    private final Pool pool;
    private final RuleRepository rules;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public RuleService(Pool pool, RuleRepository rules, IdempotencyKeys idempotency, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Uni<List<RuleView>> list(String kind) {
        return rules.list(pool, kind);
    }

    public Uni<RuleView> get(UUID id) {
        return rules.find(pool, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("Rule", id)));
    }

    /**
     * Adds a custom rule; with an Idempotency-Key, the key's claim and the insert share one transaction, and a
     * request repeating an earlier one's key and body answers the rule that one added.
     */
    public Uni<RuleView> create(RuleInput input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a rule object is required");
        }
        Validator errors = new Validator();
        RuleKind kind = RuleKind.fromWire(input.kind());
        errors.require(kind != null, "kind", "must be one of intent, interest, opt-out");
        errors.require(input.phrase() != null && !input.phrase().isBlank() && input.phrase().length() <= 100,
                "phrase", "is required, at most 100 characters");
        if (kind == RuleKind.INTENT) {
            errors.require(IntentTier.fromWire(input.label()) != null, "label", "must be high, medium, potential or none");
        } else if (kind == RuleKind.INTEREST) {
            errors.require(INTEREST_LABELS.contains(input.label()), "label",
                    "must be one of content, discount, function, loyal, new-product");
        } else if (kind == RuleKind.OPT_OUT) {
            errors.require(input.label() == null || "stop".equals(input.label()), "label", "must be stop");
        }
        errors.throwIfInvalid();
        String label = kind == RuleKind.OPT_OUT ? "stop" : input.label();
        String phrase = input.phrase().strip();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return idempotency.createOnce("classification-rules", idempotencyKey, input, id,
                        tx -> rules.insert(tx, id, kind.wire(), label, phrase, now)
                                .invoke(inserted -> inserted.orElseThrow(
                                        () -> ProblemException.conflict("This rule exists"))))
                .chain(this::get);
    }

    public Uni<Void> delete(UUID id) {
        return pool.withTransaction(tx -> rules.findForUpdate(tx, id).chain(found -> {
            RuleView rule = found.orElseThrow(() -> ProblemException.notFound("Rule", id));
            if (rule.system()) {
                throw ProblemException.conflict("System rules cannot be deleted; add your own rules beside them");
            }
            return rules.delete(tx, id);
        }));
    }

    /** A classifier over the current rules, read on the caller's connection. */
    public Uni<TextClassifier> classifier(SqlClient client) {
        return rules.triggerRules(client).map(TextClassifier::new);
    }
}
