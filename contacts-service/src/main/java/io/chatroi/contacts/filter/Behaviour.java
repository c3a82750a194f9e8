package io.chatroi.contacts.filter;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Behaviour segments of docs/tiers.md (seed 002), each an SQL predicate over a contact row {@code c}. Segments
 * defined by interactions name their members as an id array computed once, so the planner reads only those rows.
 */
public enum Behaviour {
    /** At least 3 interactions in the last 30 days. */
    ACTIVE_BUYERS("active_buyers"),
    /** A customer with no won order in the last 90 days. */
    DORMANT_CUSTOMERS("dormant_customers"),
    /** Clicked a tracked link but has not become a customer. */
    HIGH_POTENTIAL("high_potential"),
    /** Accepted (opted in) within the last 30 days and still subscribed. */
    NEW_SUBSCRIBERS("new_subscribers");

    private final String wire;

    Behaviour(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Behaviour fromWire(String value) {
        for (Behaviour behaviour : values()) {
            if (behaviour.wire.equals(value)) {
                return behaviour;
            }
        }
        return null;
    }

    /** Each segment's predicate; {@code %s} is its one bound instant. */
    private static final String ACTIVE_BUYERS_SQL = """
            c.id = ANY(ARRAY(SELECT i.contact_id FROM interactions i WHERE i.at > %s \
            GROUP BY i.contact_id HAVING count(*) >= 3))""";
    private static final String DORMANT_CUSTOMERS_SQL = """
            (c.stage IN ('customer', 'repeat_customer') AND NOT EXISTS (SELECT 1 FROM deals d \
            WHERE d.contact_id = c.id AND d.stage = 'won' AND d.won_at > %s))""";
    private static final String HIGH_POTENTIAL_SQL = """
            (c.id = ANY(ARRAY(SELECT DISTINCT i.contact_id FROM interactions i \
            WHERE i.message_type = 'click')) AND c.stage NOT IN ('customer', 'repeat_customer'))""";
    private static final String NEW_SUBSCRIBERS_SQL = """
            (c.accepted_at > %s AND NOT c.opted_out)""";

    public String predicate(Instant now, Function<Object, String> bind) {
        return switch (this) {
            case ACTIVE_BUYERS -> ACTIVE_BUYERS_SQL.formatted(bind.apply(now.minus(Duration.ofDays(30))));
            case DORMANT_CUSTOMERS -> DORMANT_CUSTOMERS_SQL.formatted(bind.apply(now.minus(Duration.ofDays(90))));
            case HIGH_POTENTIAL -> HIGH_POTENTIAL_SQL;
            case NEW_SUBSCRIBERS -> NEW_SUBSCRIBERS_SQL.formatted(bind.apply(now.minus(Duration.ofDays(30))));
        };
    }
}
