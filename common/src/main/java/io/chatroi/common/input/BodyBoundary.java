package io.chatroi.common.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The edge of every service for JSON bodies: whatever type a resource reads (a record, a map, a merge patch), each
 * text in it (member names included) is checked by {@link TextRules} (no control characters but tab and newline,
 * at most {@link TextRules#MAX_TEXT} characters) and each number is one a service can handle (no infinities, no
 * decimal beyond 10^18 or 10^-12). A violation is a 400 problem naming the field before the resource runs, so
 * nothing is written. Field-specific limits (a name's 200 characters, money's scale) are the services' own rules.
 * Raw bodies (text, bytes, streams: CSV imports, signed webhooks) are checked where they are parsed.
 */
@Provider
public class BodyBoundary implements ReaderInterceptor {

    static final int MAX_DEPTH = 32;
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_SCALE = 12;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return entity; // CSV, text and signed webhook bodies are checked where they are parsed
        }
        FieldError problem = problem(entity, new StringBuilder(), 0);
        if (problem != null) {
            throw ProblemException.invalid(List.of(problem));
        }
        return entity;
    }

    /** The first field of {@code value} that is refused, or null. */
    static FieldError problem(Object value, StringBuilder path, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Enum<?>) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return fail(path, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof CharSequence text) {
            return fail(path, TextRules.textProblem(text.toString(), TextRules.MAX_TEXT));
        }
        if (value instanceof Number number) {
            return fail(path, numberProblem(number));
        }
        if (value instanceof JsonNode node) {
            return node(node, path, depth);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                int mark = path.length();
                append(path, String.valueOf(entry.getKey()));
                FieldError problem = keyOrValue(String.valueOf(entry.getKey()), entry.getValue(), path, depth);
                if (problem != null) {
                    return problem;
                }
                path.setLength(mark);
            }
            return null;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                int mark = path.length();
                path.append('[').append(i++).append(']');
                FieldError problem = problem(item, path, depth + 1);
                if (problem != null) {
                    return problem;
                }
                path.setLength(mark);
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object member;
                try {
                    member = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                int mark = path.length();
                append(path, component.getName());
                FieldError problem = problem(member, path, depth + 1);
                if (problem != null) {
                    return problem;
                }
                path.setLength(mark);
            }
        }
        return null;
    }

    private static FieldError node(JsonNode node, StringBuilder path, int depth) {
        if (node.isTextual()) {
            return problem(node.textValue(), path, depth);
        }
        if (node.isNumber()) {
            return problem(node.numberValue(), path, depth);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                int mark = path.length();
                path.append('[').append(i).append(']');
                FieldError problem = node(node.get(i), path, depth + 1);
                if (problem != null) {
                    return problem;
                }
                path.setLength(mark);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                int mark = path.length();
                append(path, entry.getKey());
                FieldError problem = keyOrValue(entry.getKey(), entry.getValue(), path, depth);
                if (problem != null) {
                    return problem;
                }
                path.setLength(mark);
            }
        }
        return null;
    }

    private static FieldError keyOrValue(String key, Object value, StringBuilder path, int depth) {
        String keyProblem = TextRules.lineProblem(key, TextRules.MAX_LABEL);
        if (keyProblem != null) {
            return fail(path, "member name " + keyProblem);
        }
        return problem(value, path, depth + 1);
    }

    static String numberProblem(Number number) {
        if (number instanceof Double d && !Double.isFinite(d) || number instanceof Float f && !Float.isFinite(f)) {
            return "is too large";
        }
        if (number instanceof BigDecimal decimal && decimal.signum() != 0) {
            if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
                return "is too large (at most 10^" + MAX_INTEGER_DIGITS + ")";
            }
            if (decimal.scale() > MAX_SCALE && (decimal.scale() > 1_000
                    || decimal.stripTrailingZeros().scale() > MAX_SCALE)) {
                return "has more than " + MAX_SCALE + " decimal places";
            }
        }
        return null;
    }

    private static void append(StringBuilder path, String name) {
        if (path.length() > 0) {
            path.append('.');
        }
        String shown = name.length() > 100 ? name.substring(0, 100) + "..." : name;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            // a problem names the field; a control character in a name is shown escaped, not echoed
            path.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
    }

    private static FieldError fail(StringBuilder path, String problem) {
        return problem == null ? null : new FieldError(path.length() == 0 ? "body" : path.toString(), problem);
    }
}
