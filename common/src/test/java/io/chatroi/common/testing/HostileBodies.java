package io.chatroi.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of a valid request body, for tests that send them through HTTP: each variant replaces one field
 * (or adds one) with arbitrary Unicode, control characters, huge or malformed numbers, deep nesting or a wrong type.
 * The values come from a seeded generator, so a failing variant is the same on every run.
 */
public final class HostileBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileBodies() {
    }

    /** {@code count} bodies, each {@code valid} with one field made hostile; {@code fields} are the ones to try. */
    public static List<String> variants(String valid, List<String> fields, int count, long seed) {
        Random random = new Random(seed);
        List<JsonNode> values = values(count, random);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode body = parse(valid);
            String field = i % 7 == 6 ? "unknown" + i : fields.get(random.nextInt(fields.size()));
            body.set(field, values.get(i));
            bodies.add(body.toString());
        }
        return bodies;
    }

    private static List<JsonNode> values(int count, Random random) {
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = HostileValues.anyText(random, 1 + random.nextInt(300));
            out.add(switch (random.nextInt(9)) {
                case 0 -> NODES.textNode(text);
                case 1 -> NODES.textNode("a" + (char) random.nextInt(0x20) + "b");
                case 2 -> NODES.textNode("x".repeat(1 + random.nextInt(20_000)));
                case 3 -> number(random);
                case 4 -> deep(1 + random.nextInt(200));
                case 5 -> NODES.booleanNode(random.nextBoolean());
                case 6 -> NODES.arrayNode().add(text);
                case 7 -> NODES.nullNode();
                default -> NODES.textNode(List.of("=HYPERLINK(\"http://x\")", "2025-W53", "2025-02-30", "+",
                        "-1", "1e999999999", "NaN", "Infinity", "\u202Eevil", "\uD800").get(random.nextInt(10)));
            });
        }
        return out;
    }

    private static JsonNode number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(new java.math.BigDecimal("1e999999999"));
            case 1 -> NODES.numberNode(new java.math.BigDecimal("1e20"));
            case 2 -> NODES.numberNode(-random.nextDouble() * 1e17);
            case 3 -> NODES.numberNode(new java.math.BigDecimal("0.000000000000001"));
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            default -> NODES.numberNode(new java.math.BigInteger("9".repeat(400)));
        };
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("leaf");
        for (int i = 0; i < depth; i++) {
            node = NODES.objectNode().set("n", node);
        }
        return node;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }
}
