package io.chatroi.contacts.deal;

import io.chatroi.common.sql.SqlTimes;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Deals (inquiry -> quoted -> won | lost). Every change moves the contact's stage in the same transaction:
 * a win makes a customer, a second win a repeat customer.
 */
@ApplicationScoped
public class DealService {

    private static final String COLUMNS = "id, contact_id, stage, inquiry_at, quoted_at, quote_amount, won_at,"
            + " lost_at, order_amount, profit, currency, campaign_id, owner, created_at, updated_at";
    static final String SELECT_COLUMNS = COLUMNS + ", origin";

    private final Pool pool;
    private final ContactRepository contacts;
    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public DealService(Pool pool, ContactRepository contacts, FollowUpService followUps, IdempotencyKeys idempotency,
                       ObjectMapper json, Clock clock) {
        this.pool = pool;
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
                        .chain(contact -> tx.preparedQuery("INSERT INTO deals (" + COLUMNS + ") VALUES ($1, $2, $3,"
                                        + " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)")
                                .execute(Tuple.from(Arrays.asList(id, input.contactId(), state.stage().wire(),
                                        time(state.inquiryAt()), time(state.quotedAt()), state.quoteAmount(),
                                        time(state.wonAt()), time(state.lostAt()), state.orderAmount(), state.profit(),
                                        state.currency(), input.campaignId(),
                                        input.owner() != null ? input.owner() : contact.owner(), time(now))))
                                .chain(() -> moveContact(tx, contact, state.stage(), now)))
                        .replaceWith(id)))
                .chain(this::get);
    }

    public Uni<Deal> get(UUID id) {
        return pool.preparedQuery("SELECT " + SELECT_COLUMNS + " FROM deals WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Deal", id);
                    }
                    return Deal.from(rows.iterator().next());
                });
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
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT " + SELECT_COLUMNS + " FROM deals WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Deal", id);
                    }
                    Deal current = Deal.from(rows.iterator().next());
                    DealInput merged = merge(current, (ObjectNode) patch);
                    Validator errors = new Validator();
                    DealState next = DealRules.withDefaults(stateOf(merged, errors), now);
                    DealRules.validateMove(DealStage.fromWire(current.stage()), next.stage(), errors);
                    DealRules.validate(next, errors);
                    TextRules.checkOwner(errors, "owner", merged.owner());
                    errors.throwIfInvalid();
                    return tx.preparedQuery("UPDATE deals SET stage = $2, inquiry_at = $3, quoted_at = $4,"
                                    + " quote_amount = $5, won_at = $6, lost_at = $7, order_amount = $8, profit = $9,"
                                    + " currency = $10, campaign_id = $11, owner = $12, updated_at = $13 WHERE id = $1")
                            .execute(Tuple.from(Arrays.asList(id, next.stage().wire(), time(next.inquiryAt()),
                                    time(next.quotedAt()), next.quoteAmount(), time(next.wonAt()),
                                    time(next.lostAt()), next.orderAmount(), next.profit(), next.currency(),
                                    merged.campaignId(), merged.owner(), time(now))))
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
        String sortColumn = sync ? "updated_at" : "created_at";
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        addCondition(where, params, "contact_id = ", contactId);
        addCondition(where, params, "owner = ", owner);
        addCondition(where, params, "stage = ", stage);
        addCondition(where, params, "updated_at > ", time(updatedAfter));
        if (after != null) {
            TimeIdCursor cursor = TimeIdCursor.decode(after);
            params.add(time(cursor.at()));
            params.add(cursor.id());
            where.add("(" + sortColumn + ", id) " + (sync ? ">" : "<") + " ($" + (params.size() - 1) + ", $"
                    + params.size() + ")");
        }
        String direction = sync ? "ASC" : "DESC";
        String sql = "SELECT " + SELECT_COLUMNS + " FROM deals" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + sortColumn + " " + direction + ", id " + direction + " LIMIT " + (limit + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Deal> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(Deal.from(row));
            }
            return Page.of(items, limit,
                    last -> new TimeIdCursor(sync ? last.updatedAt() : last.createdAt(), last.id()).encode());
        });
    }

    private static void addCondition(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            params.add(value);
            where.add(condition + "$" + params.size());
        }
    }

    Uni<ContactRow> contactForUpdate(SqlClient tx, UUID contactId) {
        return contacts.findForUpdate(tx, contactId).map(found -> found.filter(c -> c.erasedAt() == null)
                .orElseThrow(() -> ProblemException.invalid("contactId", "contact " + contactId + " does not exist")));
    }

    Uni<Void> moveContact(SqlClient tx, ContactRow contact, DealStage dealStage, Instant now) {
        return tx.preparedQuery("SELECT count(*) AS won FROM deals WHERE contact_id = $1 AND stage = 'won'")
                .execute(Tuple.of(contact.id()))
                .chain(rows -> {
                    int won = rows.iterator().next().getLong("won").intValue();
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
        return tx.preparedQuery("SELECT contact_id, count(*) AS won FROM deals WHERE contact_id = ANY($1)"
                        + " AND stage = 'won' GROUP BY contact_id").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .chain(rows -> {
                    Map<UUID, Integer> won = new HashMap<>();
                    rows.forEach(row -> won.put(row.getUUID("contact_id"), row.getLong("won").intValue()));
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
