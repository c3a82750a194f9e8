package io.chatroi.contacts.filter;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;
import io.chatroi.contacts.tier.TierPredicates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the WHERE clause, keyset condition and ORDER BY of a contact list from a {@link ContactFilter}.
 * Activity and intent tags are not stored rows: they are answered from the timestamps they derive from, so a
 * filter can never see a stale tier.
 */
public final class ContactQuery {

    // the fragments a list's conditions are composed from; each %s is a column named here or a bound placeholder
    private static final String NOT_ERASED = """
            c.erased_at IS NULL""";
    private static final String KEYSET = """
            (c.%s, c.id) %s (%s, %s)""";
    private static final String NOT = """
            NOT %s""";
    private static final String ONE_OF = """
            (%s)""";
    private static final String OR = """
             OR \
            """;
    private static final String AND = """
             AND \
            """;
    private static final String OPTED_OUT = """
            c.opted_out = %s""";
    private static final String SEARCH = """
            c.search_text LIKE %s""";
    private static final String UPDATED_AFTER = """
            c.updated_at > %s""";
    private static final String HAS_TAG = """
            EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag_name = %s)""";
    private static final String HAS_ANY_TAG = """
            EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag_name = ANY(%s))""";
    private static final String EQUALS = """
            c.%s = %s""";
    private static final String EQUALS_ANY = """
            c.%s = ANY(%s)""";
    private static final String AFTER = """
            c.%s > %s""";
    private static final String BEFORE = """
            c.%s < %s""";

    private final ContactFilter filter;
    private final Instant now;
    private final SqlParams params;
    private final List<String> conditions = new ArrayList<>();

    public ContactQuery(ContactFilter filter, Instant now, SqlParams params) {
        this.filter = filter;
        this.now = now;
        this.params = params;
        build();
    }

    public String where() {
        return conditions.isEmpty() ? "TRUE" : String.join(AND, conditions);
    }

    /** Adds the condition "strictly after the row the cursor names". */
    public void after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return;
        }
        TimeIdCursor position = TimeIdCursor.decode(cursor);
        ContactOrder order = filter.order();
        conditions.add(KEYSET.formatted(order.column(), order.after(), params.bind(position.at()),
                params.bind(position.id())));
    }

    public String orderBy() {
        return filter.order().orderBy();
    }

    public static String cursorOf(Instant sortValue, UUID id) {
        return new TimeIdCursor(sortValue, id).encode();
    }

    private void build() {
        if (!filter.syncMode()) {
            conditions.add(NOT_ERASED);
        }
        filter.tagsAll().forEach(tag -> conditions.add(tagPredicate(tag)));
        if (!filter.tagsAny().isEmpty()) {
            conditions.add(anyTag(filter.tagsAny()));
        }
        filter.tagsNone().forEach(tag -> conditions.add(NOT.formatted(tagPredicate(tag))));
        anyOf("stage", filter.stages());
        anyOf("owner", filter.owners());
        anyOf("source", filter.sources());
        anyOf("country", filter.countries());
        if (!filter.activity().isEmpty()) {
            conditions.add(oneOf(filter.activity().stream()
                    .map(v -> TierPredicates.activity(ActivityTier.fromWire(v), now, params::bind)).toList()));
        }
        if (!filter.intent().isEmpty()) {
            conditions.add(oneOf(filter.intent().stream()
                    .map(v -> TierPredicates.intentFilter(v, now, params::bind)).toList()));
        }
        if (filter.optedOut() != null) {
            conditions.add(OPTED_OUT.formatted(params.bind(filter.optedOut())));
        }
        if (filter.q() != null) {
            String needle = filter.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            conditions.add(SEARCH.formatted(params.bind("%" + needle + "%")));
        }
        range("created_at", filter.createdAfter(), filter.createdBefore());
        range("last_inbound_at", filter.lastInboundAfter(), filter.lastInboundBefore());
        if (filter.updatedAfter() != null) {
            conditions.add(UPDATED_AFTER.formatted(params.bind(filter.updatedAfter())));
        }
        if (!filter.behaviour().isEmpty()) {
            conditions.add(oneOf(filter.behaviour().stream()
                    .map(v -> Behaviour.fromWire(v).predicate(now, params::bind)).toList()));
        }
        if (!filter.customerClass().isEmpty()) {
            conditions.add(oneOf(filter.customerClass().stream()
                    .map(CustomerClass::filterPredicate).toList()));
        }
    }

    private static String oneOf(List<String> predicates) {
        return ONE_OF.formatted(String.join(OR, predicates));
    }

    /** Stored tags go into one EXISTS over all of them, so the tag index is probed once per row, not once per tag. */
    private String anyTag(List<String> tags) {
        List<String> parts = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        for (String tag : tags) {
            if (isComputed(tag)) {
                parts.add(tagPredicate(tag));
            } else {
                stored.add(tag);
            }
        }
        if (!stored.isEmpty()) {
            parts.add(HAS_ANY_TAG.formatted(params.bind(stored.toArray(String[]::new))));
        }
        return oneOf(parts);
    }

    private static boolean isComputed(String tag) {
        return tag.startsWith("activity:") && ActivityTier.fromWire(tag.substring(9)) != null
                || tag.startsWith("intent:") && IntentTier.fromWire(tag.substring(7)) != null;
    }

    private String tagPredicate(String tag) {
        if (tag.startsWith("activity:")) {
            ActivityTier tier = ActivityTier.fromWire(tag.substring("activity:".length()));
            if (tier != null) {
                return TierPredicates.activity(tier, now, params::bind);
            }
        }
        if (tag.startsWith("intent:")) {
            IntentTier tier = IntentTier.fromWire(tag.substring("intent:".length()));
            if (tier != null) {
                return TierPredicates.intent(tier, now, params::bind);
            }
        }
        return HAS_TAG.formatted(params.bind(tag));
    }

    private void anyOf(String column, List<String> values) {
        if (values.size() == 1) {
            conditions.add(EQUALS.formatted(column, params.bind(values.get(0))));
        } else if (!values.isEmpty()) {
            conditions.add(EQUALS_ANY.formatted(column, params.bind(values.toArray(String[]::new))));
        }
    }

    private void range(String column, Instant after, Instant before) {
        if (after != null) {
            conditions.add(AFTER.formatted(column, params.bind(after)));
        }
        if (before != null) {
            conditions.add(BEFORE.formatted(column, params.bind(before)));
        }
    }
}
