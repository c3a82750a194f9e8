package io.chatroi.campaigns.campaign;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.health.HealthRules;
import io.chatroi.campaigns.send.SendRepository;
import io.chatroi.campaigns.template.Template;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Campaigns: creation with validated audience, variants and rules; the status machine; live counters. */
@ApplicationScoped
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);
    private static final Pattern VARIANT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final Set<String> GOALS = Set.of("reply", "click", "deal_won", "revenue");

    private final ContactsClient contacts;
    private final SendRepository sends;
    private final AudienceResolver resolver;
    /** Meta refuses templates it has not approved: with the Cloud API, launching on one is refused up front. */
    private final boolean cloudApi;

    public CampaignService(ContactsClient contacts, SendRepository sends, AudienceResolver resolver,
                           @ConfigProperty(name = "chatroi.campaigns.provider") String provider) {
        this.contacts = contacts;
        this.sends = sends;
        this.resolver = resolver;
        this.cloudApi = "whatsapp-cloud".equals(provider);
    }

    @WithTransaction
    public Uni<CampaignView> create(CampaignInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a campaign object is required");
        }
        Validator errors = new Validator();
        errors.require(input.name() != null && !input.name().isBlank() && input.name().length() <= 200, "name",
                "is required, at most 200 characters");
        validateAudience(input.audience(), errors);
        List<Campaign.Variant> variants = input.variants() == null ? List.of() : input.variants();
        errors.require(!variants.isEmpty(), "variants", "needs at least one variant");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Campaign.Variant v = variants.get(i);
            String field = "variants[" + i + "]";
            if (v == null) {
                errors.add(field, "is null");
                continue;
            }
            errors.require(v.key() != null && VARIANT_KEY.matcher(v.key()).matches()
                    && !VariantAssignment.HOLDOUT.equals(v.key()), field + ".key",
                    "must be 1-20 letters, digits, _ or - and not 'holdout'");
            errors.require(v.key() == null || keys.add(v.key()), field + ".key", "repeats another variant's key");
            errors.require(v.templateId() != null, field + ".templateId", "is required");
            errors.require(v.weight() >= 1 && v.weight() <= 10_000, field + ".weight", "must be 1 to 10,000");
        }
        int holdout = input.holdoutWeight() == null ? 0 : input.holdoutWeight();
        errors.require(holdout >= 0 && holdout <= 10_000, "holdoutWeight", "must be 0 to 10,000");
        String goal = input.goal() == null || input.goal().type() == null ? "reply" : input.goal().type();
        int days = input.goal() == null || input.goal().attributionDays() == null ? 7 : input.goal().attributionDays();
        errors.require(GOALS.contains(goal), "goal.type", "must be reply, click, deal_won or revenue");
        errors.require(days >= 1 && days <= 90, "goal.attributionDays", "must be 1 to 90");
        CampaignInput.Rules rules = input.rules() == null ? new CampaignInput.Rules(null, null, null, null) : input.rules();
        String capAction = rules.capAction() == null ? "defer" : rules.capAction();
        errors.require(capAction.equals("defer") || capAction.equals("skip"), "rules.capAction", "must be defer or skip");
        errors.throwIfInvalid();
        List<UUID> templateIds = variants.stream().map(Campaign.Variant::templateId).toList();
        return Template.<Template>list("id in ?1", templateIds).chain(templates -> {
            Map<UUID, Template> byId = new HashMap<>();
            templates.forEach(t -> byId.put(t.id, t));
            Validator more = new Validator();
            for (int i = 0; i < variants.size(); i++) {
                Template template = byId.get(variants.get(i).templateId());
                more.require(template != null, "variants[" + i + "].templateId", "no such template");
                if (template != null) {
                    int expected = template.content.parameters().size();
                    more.require(variants.get(i).parameters().size() == expected, "variants[" + i + "].parameters",
                            "must give " + expected + " value(s), one per placeholder of template " + template.name);
                }
            }
            boolean marketing = templates.stream().anyMatch(t -> "marketing".equals(t.category));
            boolean optOut = rules.respectOptOut() == null || rules.respectOptOut();
            more.require(optOut || !marketing, "rules.respectOptOut", "cannot be switched off for marketing templates");
            more.throwIfInvalid();
            return contacts.page(input.audience(), null, 1).chain(ignored -> {
                Campaign c = new Campaign();
                c.id = UUID.randomUUID();
                c.name = input.name().strip();
                c.owner = input.owner();
                c.audience = input.audience();
                c.split = new Campaign.Split(variants, holdout);
                c.scheduledAt = input.scheduledAt();
                c.goal = goal;
                c.attributionDays = days;
                c.respectQuietHours = rules.respectQuietHours() == null || rules.respectQuietHours();
                c.frequencyCap = rules.frequencyCap() == null || rules.frequencyCap();
                c.capAction = capAction;
                c.respectOptOut = optOut;
                c.status = CampaignStatus.DRAFT.wire();
                c.createdAt = Instant.now();
                c.updatedAt = c.createdAt;
                return c.<Campaign>persist().map(saved -> CampaignView.of(saved, null, Map.of()));
            });
        });
    }

    @WithSession
    public Uni<CampaignView> get(UUID id) {
        return find(id).chain(this::withCounters);
    }

    @WithSession
    public Uni<Page<CampaignView>> list(String after, int limit) {
        var query = after == null ? Campaign.<Campaign>findAll(Sort.descending("createdAt", "id"))
                : afterCursor(TimeIdCursor.decode(after));
        return query.page(0, limit + 1).list().map(rows -> Page.of(
                rows.stream().map(c -> CampaignView.of(c, null, Map.of())).toList(), limit,
                last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }

    /** Campaigns changed after an instant, by (updatedAt, id) ascending. */
    @WithSession
    public Uni<Page<CampaignView>> changedSince(Instant since, String after, int limit) {
        var query = after == null
                ? Campaign.<Campaign>find("updatedAt > ?1", Sort.ascending("updatedAt", "id"), since)
                : changedAfterCursor(since, TimeIdCursor.decode(after));
        return query.page(0, limit + 1).list().map(rows -> Page.of(
                rows.stream().map(c -> CampaignView.of(c, null, Map.of())).toList(), limit,
                last -> new TimeIdCursor(last.updatedAt(), last.id()).encode()));
    }

    private static io.quarkus.hibernate.reactive.panache.PanacheQuery<Campaign> changedAfterCursor(Instant since,
                                                                                                   TimeIdCursor cursor) {
        return Campaign.find("updatedAt > ?1 and (updatedAt > ?2 or (updatedAt = ?2 and id > ?3))",
                Sort.ascending("updatedAt", "id"), since, cursor.at(), cursor.id());
    }

    private static io.quarkus.hibernate.reactive.panache.PanacheQuery<Campaign> afterCursor(TimeIdCursor cursor) {
        return Campaign.find("createdAt < ?1 or (createdAt = ?1 and id < ?2)", Sort.descending("createdAt", "id"),
                cursor.at(), cursor.id());
    }

    /** Applies an action; launching or resuming starts resolving the audience once the move is committed. */
    public Uni<CampaignView> act(UUID id, CampaignAction action) {
        return move(id, action).call(view -> {
            if (!view.audienceResolved() && (action == CampaignAction.LAUNCH || action == CampaignAction.RESUME)) {
                resolver.resolve(id).subscribe().with(done -> { },
                        failure -> LOG.warnf("Resolving the audience of campaign %s failed; the periodic job will"
                                + " resume it: %s", id, failure.getMessage()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    Uni<CampaignView> move(UUID id, CampaignAction action) {
        return find(id).call(c -> requireApprovedTemplates(c, action)).chain(c -> {
            Instant now = Instant.now();
            boolean future = c.scheduledAt != null && c.scheduledAt.isAfter(now);
            CampaignStatus next = CampaignStatus.fromWire(c.status).after(action, future);
            if (next == null) {
                throw ProblemException.conflict("A " + c.status + " campaign cannot " + action.wire());
            }
            c.status = next.wire();
            c.updatedAt = now;
            if (action == CampaignAction.PAUSE || action == CampaignAction.RESUME) {
                // a manual pause has no product reason; resuming clears the reason of an automatic one
                c.pausedAt = action == CampaignAction.PAUSE ? now : null;
                c.pausedReason = null;
            }
            if (action == CampaignAction.LAUNCH) {
                c.launchedAt = now;
            }
            CampaignView view = CampaignView.of(c, null, Map.of());
            if (next != CampaignStatus.CANCELLED) {
                return Uni.createFrom().item(view);
            }
            c.cancelledAt = now;
            // sends that never went out leave the queue; those already sent keep their history
            return Campaign.getSession().chain(session -> session.createNativeQuery("UPDATE sends SET status ="
                            + " 'cancelled', next_attempt_at = NULL WHERE campaign_id = :id"
                            + " AND status IN ('queued', 'deferred')").setParameter("id", id).executeUpdate())
                    .replaceWith(CampaignView.of(c, null, Map.of()));
        });
    }

    /** Launching or resuming with the Cloud API: every variant's template must be sendable (approved at Meta). */
    private Uni<Void> requireApprovedTemplates(Campaign c, CampaignAction action) {
        if (!cloudApi || (action != CampaignAction.LAUNCH && action != CampaignAction.RESUME)) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = c.split.variants().stream().map(Campaign.Variant::templateId).toList();
        return Template.<Template>list("id in ?1", ids).invoke(templates -> templates.stream()
                .filter(t -> !HealthRules.sendable(t.status)).findFirst().ifPresent(t -> {
                    throw ProblemException.conflict("Template " + t.name + " (" + t.language + ") is " + t.status
                            + " at Meta" + (t.statusReason == null ? "" : " (" + t.statusReason + ")")
                            + "; only approved templates can be sent");
                })).replaceWithVoid();
    }

    private Uni<CampaignView> withCounters(Campaign c) {
        if (c.launchedAt == null) {
            return Uni.createFrom().item(CampaignView.of(c, null, Map.of()));
        }
        return sends.countersByVariant(c.id)
                .map(byVariant -> CampaignView.of(c, CountersTotal.of(byVariant.values()), byVariant));
    }

    private static void validateAudience(Map<String, Object> audience, Validator errors) {
        if (audience == null || audience.size() != 1
                || !(audience.containsKey("segmentId") || audience.containsKey("filter"))) {
            errors.add("audience", "must be {\"segmentId\": \"...\"} or {\"filter\": {...}}");
            return;
        }
        if (audience.containsKey("segmentId")) {
            try {
                UUID.fromString(String.valueOf(audience.get("segmentId")));
            } catch (IllegalArgumentException e) {
                errors.add("audience.segmentId", "must be a segment id (UUID)");
            }
        } else if (!(audience.get("filter") instanceof Map<?, ?>)) {
            errors.add("audience.filter", "must be an object of contact filter fields");
        }
    }

    private static Uni<Campaign> find(UUID id) {
        return Campaign.<Campaign>findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Campaign", id);
            }
            return c;
        });
    }
}
