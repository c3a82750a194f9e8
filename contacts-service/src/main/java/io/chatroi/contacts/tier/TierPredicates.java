package io.chatroi.contacts.tier;

import java.time.Instant;
import java.util.function.Function;

/**
 * SQL predicates over the contacts table that select a tier exactly as {@link ActivityTier#of} and
 * {@link IntentTier#effective} compute it, so filters and read-time evaluation cannot disagree.
 * {@code bind} registers a parameter value and returns its placeholder.
 */
public final class TierPredicates {

    private TierPredicates() {
    }

    public static String activity(ActivityTier tier, Instant now, Function<Object, String> bind) {
        Instant since = tier.since(now);
        Instant until = tier.until(now);
        if (tier == ActivityTier.DORMANT) {
            return "(c.last_inbound_at IS NULL OR c.last_inbound_at <= " + bind.apply(until) + ")";
        }
        String lower = "c.last_inbound_at > " + bind.apply(since);
        return until == null ? "(" + lower + ")" : "(" + lower + " AND c.last_inbound_at <= " + bind.apply(until) + ")";
    }

    public static String intent(IntentTier tier, Instant now, Function<Object, String> bind) {
        return switch (tier) {
            case HIGH -> "(c.intent = 'high' AND NOT " + decayed(now, bind) + ")";
            case MEDIUM -> "(c.intent = 'medium' OR (c.intent = 'high' AND " + decayed(now, bind) + "))";
            case POTENTIAL -> "(c.intent = 'potential')";
            case NONE -> "(c.intent = 'none' OR (c.intent IS NULL AND c.last_inbound_at IS NULL"
                    + " AND c.last_outbound_at IS NOT NULL))";
        };
    }

    /** High intent has cooled: no inbound message within {@link IntentTier#HIGH_DECAY}. */
    private static String decayed(Instant now, Function<Object, String> bind) {
        return "(c.last_inbound_at IS NULL OR c.last_inbound_at <= " + bind.apply(now.minus(IntentTier.HIGH_DECAY)) + ")";
    }

    /** A CASE expression naming the activity tier of each row, for the re-tiering job. */
    public static String activityCase(Instant now, Function<Object, String> bind) {
        StringBuilder sql = new StringBuilder("CASE");
        for (ActivityTier tier : ActivityTier.values()) {
            if (tier.within() != null) {
                sql.append(" WHEN c.last_inbound_at > ").append(bind.apply(tier.since(now)))
                        .append(" THEN '").append(tier.wire()).append('\'');
            }
        }
        return sql.append(" ELSE '").append(ActivityTier.DORMANT.wire()).append("' END").toString();
    }

    /** A CASE expression naming the effective intent tier of each row (NULL when unknown). */
    public static String intentCase(Instant now, Function<Object, String> bind) {
        StringBuilder sql = new StringBuilder("CASE");
        for (IntentTier tier : IntentTier.values()) {
            sql.append(" WHEN ").append(intent(tier, now, bind)).append(" THEN '").append(tier.wire()).append('\'');
        }
        return sql.append(" END").toString();
    }
}
