package io.chatroi.contacts.filter;

import java.util.Map;

/**
 * Customer classes of seed 001: A high intent (quoted, customer, or a sample was sent), B potential (met at a trade
 * show or came through the website), C general traffic. Java evaluation and the SQL predicate sit side by side.
 */
public enum CustomerClass {
    A, B, C;

    private static final String SQL_A = """
            (c.stage IN ('quoted', 'customer', 'repeat_customer') \
            OR coalesce(c.attributes->>'sampleSent', '') = 'true')""";
    private static final String SQL_B = """
            (c.source IN ('trade_show', 'website'))""";
    private static final String SQL_ONLY_B = """
            (NOT %s AND %s)""".formatted(SQL_A, SQL_B);
    private static final String SQL_C = """
            (NOT %s AND NOT %s)""".formatted(SQL_A, SQL_B);

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

    public String predicate() {
        return switch (this) {
            case A -> SQL_A;
            case B -> SQL_ONLY_B;
            case C -> SQL_C;
        };
    }
}
