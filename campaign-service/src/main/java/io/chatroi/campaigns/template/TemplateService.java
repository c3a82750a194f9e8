package io.chatroi.campaigns.template;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Message templates; a template used by a campaign cannot be deleted. */
@ApplicationScoped
public class TemplateService {

    @WithSession
    public Uni<Page<TemplateView>> list(String after, int limit) {
        var query = after == null ? Template.<Template>findAll(Sort.descending("createdAt", "id"))
                : afterCursor(TimeIdCursor.decode(after));
        return query.page(0, limit + 1).list().map(rows -> Page.of(rows.stream().map(TemplateView::of).toList(),
                limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }

    private static io.quarkus.hibernate.reactive.panache.PanacheQuery<Template> afterCursor(TimeIdCursor cursor) {
        return Template.find("createdAt < ?1 or (createdAt = ?1 and id < ?2)", Sort.descending("createdAt", "id"),
                cursor.at(), cursor.id());
    }

    @WithSession
    public Uni<TemplateView> get(UUID id) {
        return find(id).map(TemplateView::of);
    }

    @WithTransaction
    public Uni<TemplateView> create(TemplateInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a template object is required");
        }
        Validator errors = new Validator();
        List<String> parameters = TemplateRules.validate(input, errors);
        errors.throwIfInvalid();
        return Template.count("name = ?1 and language = ?2", input.name(), input.language()).chain(count -> {
            if (count > 0) {
                throw ProblemException.conflict("Template " + input.name() + " (" + input.language() + ") exists");
            }
            Template template = new Template();
            template.id = UUID.randomUUID();
            template.name = input.name();
            template.language = input.language();
            template.category = input.category();
            template.body = input.body();
            template.content = new TemplateContent(parameters, input.buttons() == null ? List.of() : input.buttons());
            template.createdAt = Instant.now();
            template.updatedAt = template.createdAt;
            return template.<Template>persist().map(TemplateView::of);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return find(id).chain(template -> Template.getSession().chain(session -> session
                        .createNativeQuery("SELECT count(*) FROM campaigns c, jsonb_array_elements(c.split->'variants') v"
                                + " WHERE v->>'templateId' = :id", Long.class)
                        .setParameter("id", id.toString()).getSingleResult())
                .chain(used -> {
                    if (used > 0) {
                        throw ProblemException.conflict("Template " + id + " is used by a campaign");
                    }
                    return template.delete();
                }));
    }

    private static Uni<Template> find(UUID id) {
        return Template.<Template>findById(id).map(template -> {
            if (template == null) {
                throw ProblemException.notFound("Template", id);
            }
            return template;
        });
    }
}
