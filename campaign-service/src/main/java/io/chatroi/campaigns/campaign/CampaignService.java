package io.chatroi.campaigns.campaign;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.health.HealthRules;
import io.chatroi.campaigns.send.SendRepository;
import io.chatroi.campaigns.template.Template;
import io.chatroi.campaigns.template.TemplateRepository;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
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

    private final Pool pool;
    private final CampaignRepository campaigns;
    private final TemplateRepository templates;
    private final ContactsClient contacts;
    private final SendRepository sends;
    private final AudienceResolver resolver;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    /** Meta refuses templates it has not approved: with the Cloud API, launching on one is refused up front. */
    private final boolean cloudApi;

    public CampaignService(Pool pool, CampaignRepository campaigns, TemplateRepository templates,
                           ContactsClient contacts, SendRepository sends, AudienceResolver resolver,
                           IdempotencyKeys idempotency, Clock clock,
                           @ConfigProperty(name = "chatroi.campaigns.provider") String provider) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.templates = templates;
        this.contacts = contacts;
        this.sends = sends;
        this.resolver = resolver;
        this.idempotency = idempotency;
        this.clock = clock;
        this.cloudApi = "whatsapp-cloud".equals(provider);
    }

    /**
     * Creates a draft; with an Idempotency-Key, the key's claim and the insert share one transaction, and a request
     * repeating an earlier one's key and body answers the campaign that one created. Its templates and audience are
     * checked before that transaction (the audience by contacts-service, not while holding a connection), a replay's
     * as well.
     */
    public Uni<CampaignView> create(CampaignInput input, String idempotencyKey) {
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
        boolean optOut = rules.respectOptOut() == null || rules.respectOptOut();
        Campaign.Draft draft = new Campaign.Draft(input.name().strip(), input.owner(), input.audience(),
                new Campaign.Split(variants, holdout), input.scheduledAt(), goal, days,
                rules.respectQuietHours() == null || rules.respectQuietHours(),
                rules.frequencyCap() == null || rules.frequencyCap(), capAction, optOut);
        return templates.findAll(pool, templateIds).chain(found -> {
            Map<UUID, Template> byId = new HashMap<>();
            found.forEach(t -> byId.put(t.id(), t));
            Validator more = new Validator();
            for (int i = 0; i < variants.size(); i++) {
                Template template = byId.get(variants.get(i).templateId());
                more.require(template != null, "variants[" + i + "].templateId", "no such template");
                if (template != null) {
                    int expected = template.content().parameters().size();
                    more.require(variants.get(i).parameters().size() == expected, "variants[" + i + "].parameters",
                            "must give " + expected + " value(s), one per placeholder of template " + template.name());
                }
            }
            boolean marketing = found.stream().anyMatch(t -> "marketing".equals(t.category()));
            more.require(optOut || !marketing, "rules.respectOptOut", "cannot be switched off for marketing templates");
            more.throwIfInvalid();
            return contacts.page(input.audience(), null, 1);
        }).chain(() -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            return idempotency.createOnce("campaigns", idempotencyKey, input, id,
                    tx -> campaigns.insert(tx, id, draft, now));
        }).chain(this::get);
    }

    public Uni<CampaignView> get(UUID id) {
        return campaigns.find(pool, id).map(found -> found.orElseThrow(() -> notFound(id))).chain(this::withCounters);
    }

    public Uni<Page<CampaignView>> list(String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return campaigns.list(pool, cursor, limit).map(rows -> Page.of(
                rows.stream().map(c -> CampaignView.of(c, null, Map.of())).toList(), limit,
                last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }

    /** Campaigns changed after an instant, by (updatedAt, id) ascending. */
    public Uni<Page<CampaignView>> changedSince(Instant since, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return campaigns.changedSince(pool, since, cursor, limit).map(rows -> Page.of(
                rows.stream().map(c -> CampaignView.of(c, null, Map.of())).toList(), limit,
                last -> new TimeIdCursor(last.updatedAt(), last.id()).encode()));
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

    Uni<CampaignView> move(UUID id, CampaignAction action) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> campaigns.findForUpdate(tx, id)
                .map(found -> found.orElseThrow(() -> notFound(id)))
                .call(c -> requireApprovedTemplates(tx, c, action))
                .chain(c -> {
                    boolean future = c.scheduledAt() != null && c.scheduledAt().isAfter(now);
                    CampaignStatus next = CampaignStatus.fromWire(c.status()).after(action, future);
                    if (next == null) {
                        throw ProblemException.conflict("A " + c.status() + " campaign cannot " + action.wire());
                    }
                    Uni<Campaign> moved = campaigns.move(tx, id, action, next, now);
                    // sends that never went out leave the queue; those already sent keep their history
                    return next != CampaignStatus.CANCELLED ? moved
                            : moved.call(() -> sends.cancelUnsent(tx, id));
                })
                .map(c -> CampaignView.of(c, null, Map.of())));
    }

    /** Launching or resuming with the Cloud API: every variant's template must be sendable (approved at Meta). */
    private Uni<Void> requireApprovedTemplates(SqlClient tx, Campaign c, CampaignAction action) {
        if (!cloudApi || (action != CampaignAction.LAUNCH && action != CampaignAction.RESUME)) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = c.split().variants().stream().map(Campaign.Variant::templateId).toList();
        return templates.findAll(tx, ids).invoke(found -> found.stream()
                .filter(t -> !HealthRules.sendable(t.status())).findFirst().ifPresent(t -> {
                    throw ProblemException.conflict("Template " + t.name() + " (" + t.language() + ") is "
                            + t.status() + " at Meta" + (t.statusReason() == null ? "" : " (" + t.statusReason() + ")")
                            + "; only approved templates can be sent");
                })).replaceWithVoid();
    }

    private Uni<CampaignView> withCounters(Campaign c) {
        if (c.launchedAt() == null) {
            return Uni.createFrom().item(CampaignView.of(c, null, Map.of()));
        }
        return sends.countersByVariant(c.id())
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

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Campaign", id);
    }
}
