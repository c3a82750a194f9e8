package io.chatroi.contacts.tier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * SQL predicates over the contacts table that select a tier exactly as {@link ActivityTier#of} and
 * {@link IntentTier#effective} compute it, so filters and read-time evaluation cannot disagree.
 * {@code bind} registers a parameter value and returns its placeholder.
 */
public final class TierPredicates {

    // the fragments the predicates are composed from; each %s is a bound placeholder or another fragment
    private static final String DORMANT = """
            (c.last_inbound_at IS NULL OR c.last_inbound_at <= %s)""";
    private static final String SINCE = """
            (c.last_inbound_at > %s)""";
    private static final String BETWEEN = """
            (c.last_inbound_at > %s AND c.last_inbound_at <= %s)""";
    private static final String HIGH = """
            (c.intent = 'high' AND NOT %s)""";
    private static final String MEDIUM = """
            (c.intent = 'medium' OR (c.intent = 'high' AND %s))""";
    private static final String POTENTIAL = """
            (c.intent = 'potential')""";
    /** Messaged but never replied: the read-time none of a contact with no stored intent. */
    private static final String MESSAGED_NO_REPLY = """
            (c.last_inbound_at IS NULL AND c.last_outbound_at IS NOT NULL)""";
    private static final String NONE = """
            (c.intent = 'none' OR (c.intent IS NULL AND %s))""".formatted(MESSAGED_NO_REPLY);
    private static final String UNKNOWN = """
            (c.intent IS NULL AND NOT %s)""".formatted(MESSAGED_NO_REPLY);
    private static final String CASE = """
            CASE %s ELSE '%s' END""";
    private static final String CASE_NO_ELSE = """
            CASE %s END""";
    private static final String ACTIVITY_WHEN = """
            WHEN c.last_inbound_at > %s THEN '%s'""";
    private static final String WHEN = """
            WHEN %s THEN '%s'""";

    private TierPredicates() {
    }

    public static String activity(ActivityTier tier, Instant now, Function<Object, String> bind) {
        Instant since = tier.since(now);
        Instant until = tier.until(now);
        if (tier == ActivityTier.DORMANT) {
            return DORMANT.formatted(bind.apply(until));
        }
        String lower = bind.apply(since);
        return until == null ? SINCE.formatted(lower) : BETWEEN.formatted(lower, bind.apply(until));
    }

    public static String intent(IntentTier tier, Instant now, Function<Object, String> bind) {
        return switch (tier) {
            case HIGH -> HIGH.formatted(decayed(now, bind));
            case MEDIUM -> MEDIUM.formatted(decayed(now, bind));
            case POTENTIAL -> POTENTIAL;
            case NONE -> NONE;
        };
    }

    /**
     * The intent filter value {@code wire}: a tier, or {@link IntentTier#UNKNOWN} for the contacts whose effective
     * intent is null (nothing known yet), so a list can select the rows a tally of read-time intents counts as unknown.
     */
    public static String intentFilter(String wire, Instant now, Function<Object, String> bind) {
        return IntentTier.UNKNOWN.equals(wire) ? UNKNOWN : intent(IntentTier.fromWire(wire), now, bind);
    }

    /** High intent has cooled: no inbound message within {@link IntentTier#HIGH_DECAY}. */
    private static String decayed(Instant now, Function<Object, String> bind) {
        return DORMANT.formatted(bind.apply(now.minus(IntentTier.HIGH_DECAY)));
    }

    /** A CASE expression naming the activity tier of each row, for the re-tiering job. */
    public static String activityCase(Instant now, Function<Object, String> bind) {
        List<String> whens = new ArrayList<>();
        for (ActivityTier tier : ActivityTier.values()) {
            if (tier.within() != null) {
                whens.add(ACTIVITY_WHEN.formatted(bind.apply(tier.since(now)), tier.wire()));
            }
        }
        return CASE.formatted(String.join(" ", whens), ActivityTier.DORMANT.wire());
    }

    /** A CASE expression naming the effective intent tier of each row (NULL when unknown). */
    public static String intentCase(Instant now, Function<Object, String> bind) {
        List<String> whens = new ArrayList<>();
        for (IntentTier tier : IntentTier.values()) {
            whens.add(WHEN.formatted(intent(tier, now, bind), tier.wire()));
        }
        return CASE_NO_ELSE.formatted(String.join(" ", whens));
    }
}
