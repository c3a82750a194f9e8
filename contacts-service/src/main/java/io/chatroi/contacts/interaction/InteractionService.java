package io.chatroi.contacts.interaction;

import io.chatroi.contacts.observability.ContactsMetrics;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.sql.SqlTimes;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.contacts.classification.Classification;
import io.chatroi.contacts.classification.RuleService;
import io.chatroi.contacts.classification.TextClassifier;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.contacts.contact.ContactStage;
import io.chatroi.contacts.followup.FollowUpService;
import io.chatroi.contacts.preference.MessageCategory;
import io.chatroi.contacts.tag.TagAssignments;
import io.chatroi.contacts.tier.IntentTier;
import io.chatroi.contacts.tier.TierService;
import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records messages with a contact and applies what they mean, in one transaction: last inbound/outbound times,
 * intent and interest tags from trigger words, opt-out words, stage (new -> engaged), tier history and the next
 * follow-up.
 */
@ApplicationScoped
public class InteractionService {

    static final int MAX_TEXT = 4096;
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final String CLASSIFIER = "system:classifier";

    private final Pool pool;
    private final ContactRepository contacts;
    private final InteractionRepository interactions;
    private final RuleService rules;
    private final TagAssignments tags;
    private final TierService tiers;
    private final FollowUpService followUps;
    private final ContactsMetrics metrics;
    private final InboundEffects inboundEffects;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public InteractionService(Pool pool, ContactRepository contacts, InteractionRepository interactions,
                              RuleService rules, TagAssignments tags,
                              TierService tiers, FollowUpService followUps, ContactsMetrics metrics,
                              InboundEffects inboundEffects, IdempotencyKeys idempotency, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.interactions = interactions;
        this.rules = rules;
        this.tags = tags;
        this.tiers = tiers;
        this.followUps = followUps;
        this.metrics = metrics;
        this.inboundEffects = inboundEffects;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Records one interaction. With an Idempotency-Key, the key's claim and the insert share one transaction, and a
     * request repeating an earlier one's key, contact and body answers what that one recorded, applying nothing.
     */
    public Uni<InteractionResult> record(UUID contactId, InteractionInput input, Caller caller, String idempotencyKey) {
        Instant now = clock.instant();
        InteractionInput valid = validate(input, now, "");
        // the contact is part of the request: the same key and body for another contact is another request
        String request = idempotency.canonical(new KeyedRequest(contactId, input));
        UUID id = UUID.randomUUID();
        return pool.withTransaction(tx -> idempotency.claim(tx, "interactions", idempotencyKey, request, id)
                .chain(earlier -> earlier.isPresent() ? recorded(tx, contactId, valid, earlier.get())
                        : rules.classifier(tx).chain(classifier ->
                        apply(tx, contactId, valid, InboundDetails.NONE, classifier, now, id))));
    }

    /** What an Idempotency-Key's hash covers for a recorded interaction. */
    private record KeyedRequest(UUID contactId, InteractionInput interaction) {
    }

    /**
     * Applies one validated interaction on the caller's transaction. An order placed in the chat is the strongest
     * buying signal a message carries: its intent is high whatever its text says.
     */
    Uni<InteractionResult> apply(SqlClient tx, UUID contactId, InteractionInput input, InboundDetails details,
                                 TextClassifier classifier, Instant now) {
        return apply(tx, contactId, input, details, classifier, now, UUID.randomUUID());
    }

    private Uni<InteractionResult> apply(SqlClient tx, UUID contactId, InteractionInput input, InboundDetails details,
                                         TextClassifier classifier, Instant now, UUID id) {
        boolean inbound = "inbound".equals(input.direction());
        Classification classified = inbound ? classifier.classify(input.text()) : Classification.NOTHING;
        if (inbound) {
            metrics.classified(classified.intent());
        }
        Classification classification = new Classification(
                inbound && details.order() != null ? IntentTier.HIGH : classified.intent(), classified.interests(),
                classified.optOut() || Boolean.TRUE.equals(input.optOut()));
        return contacts.findForUpdate(tx, contactId).chain(found -> {
            ContactRow contact = found.filter(c -> c.erasedAt() == null)
                    .orElseThrow(() -> ProblemException.notFound("Contact", contactId));
            return interactions.insert(tx, id, contactId, input,
                            classification.intent() == null ? null : classification.intent().wire(),
                            List.copyOf(classification.interests()), classification.optOut())
                    .chain(inserted -> !inserted
                            ? duplicate(tx, contactId, input)
                            : applyEffects(tx, contact, id, input, details, classification, now));
        });
    }

    private Uni<InteractionResult> applyEffects(SqlClient tx, ContactRow contact, UUID id, InteractionInput input,
                                                InboundDetails details, Classification classification, Instant now) {
        boolean inbound = "inbound".equals(input.direction());
        String stage = inbound ? ContactStage.fromWire(contact.stage()).afterInbound().wire() : contact.stage();
        IntentTier current = contact.intentAt(input.at());
        IntentTier intent = IntentTier.afterSignal(current, classification.intent());
        boolean intentChanged = classification.intent() != null && intent != IntentTier.fromWire(contact.intent());
        Uni<Void> update = interactions.applyToContact(tx, contact.id(), new InteractionRepository.ContactEffect(
                inbound, input.at(), stage, intent == null ? null : intent.wire(), intentChanged,
                classification.optOut(), Boolean.FALSE.equals(input.optOut())), now);
        List<String> interestTags = classification.interests().stream().map(label -> "interest:" + label).toList();
        return update
                .chain(() -> tags.add(tx, contact.id(), interestTags, CLASSIFIER, input.at()))
                .chain(() -> tiers.record(tx, contact.id(), now))
                .chain(() -> followUps.refresh(tx, List.of(contact.id()), now))
                .chain(() -> inboundEffects.apply(tx, contact.id(), id, input, details, now))
                .chain(() -> contacts.find(tx, contact.id()))
                .map(after -> result(id, input.direction(), input.at(), false, classification, after.orElseThrow(),
                        now));
    }

    private Uni<InteractionResult> duplicate(SqlClient tx, UUID contactId, InteractionInput input) {
        return recorded(tx, contactId, input, null);
    }

    /**
     * The interaction recorded earlier: the one an Idempotency-Key recorded ({@code keyed}, answered as then, not a
     * duplicate), or else the one with the input's externalId (a duplicate: the key's first request was one too).
     */
    private Uni<InteractionResult> recorded(SqlClient tx, UUID contactId, InteractionInput input, UUID keyed) {
        return interactions.findRecorded(tx, keyed, input.externalId())
                .chain(found -> {
                    Row row = found.orElseThrow(() -> ProblemException.notFound("Interaction", keyed));
                    if (!row.getUUID("contact_id").equals(contactId)) {
                        throw ProblemException.conflict("externalId " + input.externalId()
                                + " was recorded for another contact");
                    }
                    Classification earlier = new Classification(IntentTier.fromWire(row.getString("intent")),
                            Set.copyOf(Arrays.asList(row.getArrayOfStrings("interests"))), row.getBoolean("opted_out"));
                    Instant now = clock.instant();
                    boolean duplicate = !row.getUUID("id").equals(keyed);
                    return contacts.find(tx, contactId).map(contact -> result(row.getUUID("id"),
                            row.getString("direction"), SqlTimes.instant(row, "at"), duplicate, earlier,
                            contact.orElseThrow(), now));
                });
    }

    private static InteractionResult result(UUID id, String direction, Instant at, boolean duplicate,
                                            Classification classification, ContactRow after, Instant now) {
        var view = after.toContact(now);
        return new InteractionResult(id, after.id(), direction, at, duplicate,
                classification.intent() == null ? null : classification.intent().wire(), classification.interests(),
                classification.optOut(), new InteractionResult.ContactEffect(view.stage(), view.optedOut(),
                view.activity(), view.intent(), view.tags()));
    }

    /** Checks one interaction; {@code prefix} names its place in a bulk request. Fills {@code at} with now. */
    static InteractionInput validate(InteractionInput input, Instant now, String prefix) {
        if (input == null) {
            throw ProblemException.invalid(prefix.isEmpty() ? "body" : prefix, "an interaction object is required");
        }
        Validator errors = new Validator();
        errors.require("inbound".equals(input.direction()) || "outbound".equals(input.direction()),
                prefix + "direction", "must be inbound or outbound");
        Instant at = input.at() == null ? now : input.at();
        errors.require(!at.isAfter(now.plus(MAX_CLOCK_SKEW)), prefix + "at", "cannot be in the future");
        errors.require(input.text() == null || input.text().length() <= MAX_TEXT, prefix + "text",
                "must be at most " + MAX_TEXT + " characters");
        errors.require(input.category() == null || MessageCategory.fromWire(input.category()) != null,
                prefix + "category", "must be marketing, utility, authentication or service");
        errors.require(input.messageType() == null || input.messageType().length() <= 32, prefix + "messageType",
                "must be at most 32 characters");
        errors.require(input.externalId() == null || input.externalId().length() <= 200, prefix + "externalId",
                "must be at most 200 characters");
        errors.throwIfInvalid();
        return new InteractionInput(input.direction(), at, input.text(), input.messageType(), input.category(),
                input.agent(), input.externalId(), input.optOut());
    }

    public Uni<Page<Interaction>> list(UUID contactId, String after, int limit) {
        TimeIdCursor before = after == null ? null : TimeIdCursor.decode(after);
        return contacts.find(pool, contactId).chain(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact", contactId);
            }
            return interactions.ofContact(pool, contactId, before, limit);
        }).map(items -> Page.of(items, limit, last -> new TimeIdCursor(last.at(), last.id()).encode()));
    }

    /**
     * Every interaction recorded after {@code updatedAfter}, ordered by (recorded at, id), for incremental sync
     * (metrics-service). Interactions are immutable, so the recording time is their updatedAt.
     */
    public Uni<Page<SyncedInteraction>> listAll(Instant updatedAfter, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return interactions.all(pool, updatedAfter, cursor, limit)
                .map(items -> Page.of(items, limit, last -> new TimeIdCursor(last.createdAt(), last.id()).encode()));
    }
}
