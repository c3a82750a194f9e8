package io.chatroi.campaigns.template;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Message templates; a template used by a campaign cannot be deleted. */
@ApplicationScoped
public class TemplateService {

    private final Pool pool;
    private final TemplateRepository templates;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public TemplateService(Pool pool, TemplateRepository templates, IdempotencyKeys idempotency, Clock clock) {
        this.pool = pool;
        this.templates = templates;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Uni<Page<TemplateView>> list(String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return templates.list(pool, cursor, limit).map(rows -> Page.of(rows.stream().map(TemplateView::of).toList(),
                limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }

    public Uni<TemplateView> get(UUID id) {
        return templates.find(pool, id).map(found -> TemplateView.of(found.orElseThrow(() -> notFound(id))));
    }

    /**
     * Creates a template; with an Idempotency-Key, the key's claim and the insert share one transaction, and a request
     * repeating an earlier one's key and body answers the template that one created.
     */
    public Uni<TemplateView> create(TemplateInput input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a template object is required");
        }
        Validator errors = new Validator();
        List<String> parameters = TemplateRules.validate(input, errors);
        errors.throwIfInvalid();
        TemplateContent content = new TemplateContent(parameters, input.buttons() == null ? List.of() : input.buttons());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return idempotency.createOnce("templates", idempotencyKey, input, id, tx -> templates.insert(tx, id,
                        input.name(), input.language(), input.category(), input.body(), content, now)
                        .invoke(inserted -> inserted.orElseThrow(() -> ProblemException.conflict(
                                "Template " + input.name() + " (" + input.language() + ") exists"))))
                .chain(this::get);
    }

    public Uni<Void> delete(UUID id) {
        return pool.withTransaction(tx -> templates.find(tx, id)
                .map(found -> found.orElseThrow(() -> notFound(id)))
                .chain(() -> templates.usedByCampaign(tx, id))
                .chain(used -> {
                    if (used) {
                        throw ProblemException.conflict("Template " + id + " is used by a campaign");
                    }
                    return templates.delete(tx, id);
                }));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Template", id);
    }
}
