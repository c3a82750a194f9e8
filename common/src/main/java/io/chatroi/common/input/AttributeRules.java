package io.chatroi.common.input;

import io.chatroi.common.problem.Validator;

import java.util.Collection;
import java.util.Map;

/**
 * Free-form attributes (a contact's custom fields) are bounded like every other input: at most
 * {@link #MAX_KEYS} keys in all, nested at most {@link #MAX_DEPTH} levels, keys of at most {@link #MAX_KEY}
 * characters, texts of at most {@link #MAX_VALUE} and {@link #MAX_CHARS} characters in all.
 */
public final class AttributeRules {

    public static final int MAX_KEYS = 100;
    public static final int MAX_DEPTH = 4;
    public static final int MAX_KEY = 100;
    public static final int MAX_VALUE = 2_000;
    public static final int MAX_CHARS = 16_000;

    private AttributeRules() {
    }

    public static void check(Validator errors, String field, Map<String, ?> attributes) {
        if (attributes == null) {
            return;
        }
        Budget budget = new Budget();
        String problem = walk(attributes, field, 1, budget);
        if (problem != null) {
            errors.add(budget.where, problem);
        }
    }

    private static final class Budget {
        int keys;
        long chars;
        String where;
    }

    private static String walk(Object value, String path, int depth, Budget budget) {
        budget.where = path;
        if (value instanceof Map<?, ?> map) {
            if (depth > MAX_DEPTH) {
                return "nests deeper than " + MAX_DEPTH + " levels";
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                budget.where = path + "." + key;
                if (++budget.keys > MAX_KEYS) {
                    budget.where = path;
                    return "has more than " + MAX_KEYS + " keys";
                }
                String keyProblem = key.isEmpty() ? "keys cannot be empty" : TextRules.lineProblem(key, MAX_KEY);
                if (keyProblem != null) {
                    return "key " + keyProblem;
                }
                budget.chars += key.length();
                String inner = walk(entry.getValue(), path + "." + key, depth + 1, budget);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (value instanceof Collection<?> list) {
            if (depth > MAX_DEPTH) {
                return "nests deeper than " + MAX_DEPTH + " levels";
            }
            int i = 0;
            for (Object item : list) {
                if (++budget.keys > MAX_KEYS) {
                    budget.where = path;
                    return "has more than " + MAX_KEYS + " values";
                }
                String inner = walk(item, path + "[" + i++ + "]", depth + 1, budget);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (value instanceof String text) {
            String problem = TextRules.textProblem(text, MAX_VALUE);
            if (problem != null) {
                return problem;
            }
            budget.chars += text.length();
        }
        if (budget.chars > MAX_CHARS) {
            return "are larger than " + MAX_CHARS + " characters in all";
        }
        return null;
    }
}
