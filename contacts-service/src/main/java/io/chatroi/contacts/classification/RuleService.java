package io.chatroi.contacts.classification;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.tier.IntentTier;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
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

    @WithSession
    public Uni<List<RuleView>> list(String kind) {
        var query = kind == null ? ClassificationRule.<ClassificationRule>findAll(Sort.by("kind", "label", "phrase"))
                : ClassificationRule.<ClassificationRule>find("kind", Sort.by("label", "phrase"), kind);
        return query.list().map(rules -> rules.stream().map(RuleView::of).toList());
    }

    @WithTransaction
    public Uni<RuleView> create(RuleInput input) {
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
        return ClassificationRule.count("kind = ?1 and label = ?2 and phrase = ?3", kind.wire(), label, phrase)
                .chain(count -> {
                    if (count > 0) {
                        throw ProblemException.conflict("This rule exists");
                    }
                    ClassificationRule rule = new ClassificationRule();
                    rule.id = UUID.randomUUID();
                    rule.kind = kind.wire();
                    rule.label = label;
                    rule.phrase = phrase;
                    rule.system = false;
                    rule.createdAt = Instant.now();
                    return rule.<ClassificationRule>persist().map(RuleView::of);
                });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return ClassificationRule.<ClassificationRule>findById(id).chain(rule -> {
            if (rule == null) {
                throw ProblemException.notFound("Rule", id);
            }
            if (rule.system) {
                throw ProblemException.conflict("System rules cannot be deleted; add your own rules beside them");
            }
            return rule.delete();
        });
    }

    /** A classifier over the current rules, read on the caller's connection. */
    public Uni<TextClassifier> classifier(SqlClient client) {
        return client.query("SELECT kind, label, phrase FROM classification_rules").execute().map(rows -> {
            List<TriggerRule> rules = new ArrayList<>();
            for (Row row : rows) {
                RuleKind kind = RuleKind.fromWire(row.getString("kind"));
                if (kind != null) {
                    rules.add(new TriggerRule(kind, row.getString("label"), row.getString("phrase")));
                }
            }
            return new TextClassifier(rules);
        });
    }
}
