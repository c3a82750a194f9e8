package io.chatroi.contacts.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.contacts.contact.ContactStage;
import io.chatroi.contacts.contact.JsonMergePatch;
import io.chatroi.contacts.followup.FollowUpService;
import io.chatroi.common.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Deals (inquiry -> quoted -> won | lost). Every change moves the contact's stage in the same transaction:
 * a win makes a customer, a second win a repeat customer.
 */
@ApplicationScoped
public class DealService {

    private final Pool pool;
    private final DealRepository deals;
    private final ContactRepository contacts;
    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public DealService(Pool pool, DealRepository deals, ContactRepository contacts, FollowUpService followUps, IdempotencyKeys idempotency,
                       ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.deals = deals;
        this.contacts = contacts;
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Deal> create(DealInput input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a deal object is required");
        }
        Instant now = clock.instant();
        Validator errors = new Validator();
        errors.require(input.contactId() != null, "contactId", "is required");
        DealState state = DealRules.withDefaults(stateOf(input, errors), now);
        DealRules.validate(state, errors);
        TextRules.checkOwner(errors, "owner", input.owner());
        errors.throwIfInvalid();
        UUID id = UUID.randomUUID();
        String body = String.valueOf(json.valueToTree(input));
        return pool.withTransaction(tx -> idempotency.claim(tx, "deals", idempotencyKey, body, id)
                .chain(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                        : contactForUpdate(tx, input.contactId())
                        .chain(contact -> deals.insert(tx, id, input.contactId(), state, input.campaignId(),
                                        input.owner() != null ? input.owner() : contact.owner(), now)
                                .chain(() -> moveContact(tx, contact, state.stage(), now)))
                        .replaceWith(id)))
                .chain(this::get);
    }

    public Uni<Deal> get(UUID id) {
        return deals.find(pool, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("Deal", id)));
    }

    /** Applies a JSON merge patch; stage moves are checked (won and lost are final). */
    public Uni<Deal> patch(UUID id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a JSON merge patch must be an object");
        }
        if (patch.has("contactId")) {
            throw ProblemException.invalid("contactId", "a deal cannot move to another contact");
        }
        Instant now = clock.instant();
        return pool.withTransaction(tx -> deals.findForUpdate(tx, id)
                .chain(found -> {
                    Deal current = found.orElseThrow(() -> ProblemException.notFound("Deal", id));
                    DealInput merged = merge(current, (ObjectNode) patch);
                    Validator errors = new Validator();
                    DealState next = DealRules.withDefaults(stateOf(merged, errors), now);
                    DealRules.validateMove(DealStage.fromWire(current.stage()), next.stage(), errors);
                    DealRules.validate(next, errors);
                    TextRules.checkOwner(errors, "owner", merged.owner());
                    errors.throwIfInvalid();
                    return deals.update(tx, id, next, merged.campaignId(), merged.owner(), now)
                            .chain(() -> contactForUpdate(tx, current.contactId()))
                            .chain(contact -> moveContact(tx, contact, next.stage(), now));
                }))
                .chain(() -> get(id));
    }

    public Uni<Page<Deal>> list(UUID contactId, String owner, String stage, Instant updatedAfter, String after,
                                int limit) {
        if (stage != null && DealStage.fromWire(stage) == null) {
            throw ProblemException.invalid("stage", "must be one of inquiry, quoted, won, lost");
        }
        boolean sync = updatedAfter != null;
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        return deals.list(pool, contactId, owner, stage, updatedAfter, cursor, limit).map(rows -> Page.of(rows, limit,
                last -> new TimeIdCursor(sync ? last.updatedAt() : last.createdAt(), last.id()).encode()));
    }

    Uni<ContactRow> contactForUpdate(SqlClient tx, UUID contactId) {
        return contacts.findForUpdate(tx, contactId).map(found -> found.filter(c -> c.erasedAt() == null)
                .orElseThrow(() -> ProblemException.invalid("contactId", "contact " + contactId + " does not exist")));
    }

    Uni<Void> moveContact(SqlClient tx, ContactRow contact, DealStage dealStage, Instant now) {
        return deals.wonCount(tx, contact.id())
                .chain(won -> {
                    String stage = ContactStage.fromWire(contact.stage()).afterDeal(dealStage.wire(), won).wire();
                    return contacts.setStage(tx, contact.id(), stage, now);
                })
                .chain(() -> followUps.refresh(tx, List.of(contact.id()), now));
    }

    /**
     * {@link #moveContact} for many contacts at once (forwarded shop orders): each moves by the stage its last
     * changed deal reached and its count of won deals, counted in one statement.
     */
    Uni<Void> moveContacts(SqlClient tx, List<ContactRow> moved, Map<UUID, DealStage> lastStage, Instant now) {
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = moved.stream().map(ContactRow::id).toList();
        return deals.wonCounts(tx, ids)
                .chain(won -> {
                    List<String> stages = moved.stream().map(contact -> ContactStage.fromWire(contact.stage())
                            .afterDeal(lastStage.get(contact.id()).wire(), won.getOrDefault(contact.id(), 0)).wire())
                            .toList();
                    return contacts.setStages(tx, ids, stages, now);
                })
                .chain(() -> followUps.refresh(tx, ids, now));
    }

    private DealInput merge(Deal current, ObjectNode patch) {
        DealInput base = new DealInput(current.contactId(), current.stage(), current.inquiryAt(), current.quotedAt(),
                current.quoteAmount(), current.wonAt(), current.lostAt(), current.orderAmount(), current.profit(),
                current.currency(), current.campaignId(), current.owner());
        JsonNode target = json.valueToTree(base);
        JsonMergePatch.apply(target, patch);
        try {
            return json.treeToValue(target, DealInput.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage(), e);
        }
    }

    private static DealState stateOf(DealInput input, Validator errors) {
        DealStage stage = DealStage.fromWire(input.stage() == null ? "inquiry" : input.stage());
        if (stage == null) {
            errors.add("stage", "'" + input.stage() + "' is not one of inquiry, quoted, won, lost");
            stage = DealStage.INQUIRY;
        }
        return new DealState(stage, input.inquiryAt(), input.quotedAt(), input.quoteAmount(), input.wonAt(),
                input.lostAt(), input.orderAmount(), input.profit(), input.currency());
    }
}
