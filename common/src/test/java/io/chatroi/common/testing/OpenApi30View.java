package io.chatroi.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Our documents are OpenAPI 3.1; the validator checks value types only in 3.0 documents (with 3.1 it checks
 * required members, enums and formats but lets a string through where a number is due, and null anywhere). So the
 * validator gets a 3.0 rendering of the same contract: {@code type: [string, "null"]} becomes {@code type: string,
 * nullable: true}, {@code anyOf: [X, {type: "null"}]} becomes {@code allOf: [X], nullable: true}, schema
 * {@code examples} become one {@code example}. Nothing else changes.
 */
final class OpenApi30View {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApi30View() {
    }

    static String of(String document) {
        try {
            JsonNode root = YAML.readTree(document);
            if (root instanceof ObjectNode object && root.path("openapi").asText().startsWith("3.1")) {
                object.put("openapi", "3.0.3");
                if (object.path("info").path("license") instanceof ObjectNode license) {
                    license.remove("identifier");
                }
                downgrade(object, object);
            }
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void downgrade(JsonNode node, JsonNode root) {
        if (node instanceof ObjectNode object) {
            for (String combinator : List.of("anyOf", "oneOf")) {
                if (object.get(combinator) instanceof ArrayNode options && removeNull(options)) {
                    object.put("nullable", true);
                    if (options.size() == 1) {
                        object.remove(combinator);
                        inline(object, options.get(0), root);
                    }
                }
            }
            JsonNode type = object.get("type");
            if (type instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(t -> named.add(t.asText()));
                boolean nullable = named.remove("null");
                if (named.size() == 1) {
                    object.put("type", named.get(0));
                } else {
                    object.remove("type");
                }
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            if (object.get("examples") instanceof ArrayNode examples && object.has("type")) {
                object.remove("examples");
                if (!examples.isEmpty()) {
                    object.set("example", examples.get(0));
                }
            }
            object.elements().forEachRemaining(child -> downgrade(child, root));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> downgrade(child, root));
        }
    }

    private static boolean removeNull(ArrayNode options) {
        boolean removed = false;
        for (Iterator<JsonNode> it = options.elements(); it.hasNext(); ) {
            JsonNode option = it.next();
            if ("null".equals(option.path("type").asText()) && option.size() == 1) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }

    /**
     * {@code anyOf: [$ref X, null]}: a value of X or null. A primitive X (a date-time, a uuid) is copied in, so
     * its format is still checked; an object X is left unchecked when present (3.0's {@code nullable} does not reach
     * into {@code allOf}), which is weaker but never wrong.
     */
    private static void inline(ObjectNode object, JsonNode option, JsonNode root) {
        JsonNode target = option;
        String ref = option.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            target = root.at(ref.substring(1));
        }
        String type = target.path("type").asText("");
        if (List.of("string", "number", "integer", "boolean").contains(type)) {
            object.put("type", type);
            for (String keyword : List.of("format", "pattern", "enum")) {
                if (target.has(keyword)) {
                    object.set(keyword, target.get(keyword).deepCopy());
                }
            }
        } else {
            object.remove("type");
        }
    }
}
