package io.chatroi.contacts.filter;

import java.util.Map;

/**
 * Customer classes of seed 001: A high intent (quoted, customer, or a sample was sent), B potential (met at a trade
 * show or came through the website), C general traffic. An erased contact has none (its data is gone): the list's
 * filter value {@link #NONE}. Java evaluation and the SQL predicate sit side by side.
 */
public enum CustomerClass {
    A, B, C;

    /** The filter value (any case) for the contacts with no class: the erased ones, listed in sync mode only. */
    public static final String NONE = "NONE";

    private static final String SQL_ERASED = """
            (c.erased_at IS NOT NULL)""";
    private static final String SQL_A_ANY = """
            (c.stage IN ('quoted', 'customer', 'repeat_customer') \
            OR coalesce(c.attributes->>'sampleSent', '') = 'true')""";
    private static final String SQL_B_ANY = """
            (c.source IN ('trade_show', 'website'))""";
    private static final String SQL_A = """
            (NOT %s AND %s)""".formatted(SQL_ERASED, SQL_A_ANY);
    private static final String SQL_ONLY_B = """
            (NOT %s AND NOT %s AND %s)""".formatted(SQL_ERASED, SQL_A_ANY, SQL_B_ANY);
    private static final String SQL_C = """
            (NOT %s AND NOT %s AND NOT %s)""".formatted(SQL_ERASED, SQL_A_ANY, SQL_B_ANY);

    public static CustomerClass of(String stage, String source, Map<String, Object> attributes) {
        boolean sampleSent = attributes != null && Boolean.TRUE.equals(attributes.get("sampleSent"))
                || attributes != null && "true".equals(String.valueOf(attributes.get("sampleSent")));
        if ("quoted".equals(stage) || "customer".equals(stage) || "repeat_customer".equals(stage) || sampleSent) {
            return A;
        }
        return "trade_show".equals(source) || "website".equals(source) ? B : C;
    }

    public static CustomerClass fromWire(String value) {
        for (CustomerClass cls : values()) {
            if (cls.name().equalsIgnoreCase(value)) {
                return cls;
            }
        }
        return null;
    }

    /** Whether a list's customerClass filter takes value (upper-cased): a class or {@link #NONE}. */
    public static boolean isFilterValue(String value) {
        return NONE.equals(value) || fromWire(value) != null;
    }

    /** The SQL condition of a filter value (upper-cased): a class's predicate, or the erased contacts for none. */
    public static String filterPredicate(String value) {
        return NONE.equals(value) ? SQL_ERASED : fromWire(value).predicate();
    }

    public String predicate() {
        return switch (this) {
            case A -> SQL_A;
            case B -> SQL_ONLY_B;
            case C -> SQL_C;
        };
    }
}
