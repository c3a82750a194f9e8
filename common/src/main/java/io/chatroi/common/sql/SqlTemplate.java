package io.chatroi.common.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the named placeholders ({@code {group}}, {@code {filters}}) of a statement written as one text block, so the
 * parts a statement varies by (a report's key, its optional filters, a shared subquery) are SQL text the caller
 * chooses while the statement's shape stays readable in one place. Values are SQL text, never user input: values go
 * through {@link SqlParams#bind}. Every placeholder must be filled, so a typo fails at once instead of sending
 * "{grup}" to PostgreSQL; a name the template does not use is allowed (a class fills all its statements alike).
 */
public final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

    private SqlTemplate() {
    }

    /** {@code template} with each {@code {name}} replaced: {@code namesAndValues} is name, value, name, value... */
    public static String fill(String template, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = null;
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i].equals(m.group(1))) {
                    value = namesAndValues[i + 1];
                }
            }
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
