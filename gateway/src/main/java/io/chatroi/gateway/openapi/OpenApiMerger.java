package io.chatroi.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.gateway.routing.Route;
import io.chatroi.gateway.routing.RouteTable;
import io.chatroi.gateway.routing.Upstream;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the gateway's own OpenAPI document and the services' documents into the one document frontends use.
 * <ul>
 *   <li>A path is taken from the service the gateway routes it to ({@link RouteTable}); a service describing a path
 *       that another service answers (e.g. campaign-service and {@code /campaigns/{id}/experiment}) loses it.</li>
 *   <li>Schemas with the same name and the same content are kept once; different ones are renamed with the
 *       service's name ({@code ContactsPage}) and every {@code $ref} of that service is rewritten.</li>
 *   <li>The bearer security scheme applies to every operation except the webhook and the tracked-link redirect.</li>
 * </ul>
 */
public final class OpenApiMerger {

    public static final String BEARER = "bearer";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    /**
     * @param gateway  the gateway's own document (API keys)
     * @param services the services' documents; a missing one is listed as unavailable in {@code x-chatroi-sources}
     */
    public static ObjectNode merge(ObjectNode gateway, Map<Upstream, Optional<ObjectNode>> services, String version,
                                   String serverUrl) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", "3.1.0");
        merged.set("info", JSON.objectNode()
                .put("title", "ChatROI API")
                .put("version", version)
                .put("description", "Every endpoint of ChatROI through its gateway. Send an API key as"
                        + " `Authorization: Bearer <key>` (Authorize button); the webhook and `/r/{code}` need none."
                        + " Roles: admin (everything, API keys), manager (contacts, campaigns, costs, all reports),"
                        + " agent (contacts and deals of its owner, its scorecard), integrator (push contacts,"
                        + " deals, messages, receipts; no reports), viewer (read reports). Errors are RFC 9457"
                        + " problem details; 401 without a valid key, 403 outside the role, 429 over the key's rate"
                        + " (Retry-After), 503 when a service is down."));
        ((ObjectNode) merged.get("info")).putObject("license").put("name", "Apache 2.0")
                .put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        merged.putArray("servers").addObject().put("url", serverUrl)
                .put("description", "This gateway: relative to where the document was fetched, unless"
                        + " CHATROI_PUBLIC_URL names the address callers use");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode sources = JSON.objectNode();

        List<String> unrouted = new java.util.ArrayList<>();
        add(gateway.deepCopy(), "gateway", null, tags, paths, components, unrouted);
        sources.put("gateway", "ok");
        for (Upstream upstream : Upstream.values()) {
            Optional<ObjectNode> document = services.getOrDefault(upstream, Optional.empty());
            sources.put(upstream.service(), document.isPresent() ? "ok" : "unavailable");
            document.ifPresent(d -> add(d.deepCopy(), upstream.service(), upstream, tags, paths, components, unrouted));
        }

        ObjectNode sortedSchemas = JSON.objectNode();
        new TreeMap<String, JsonNode>(toMap(schemas)).forEach(sortedSchemas::set);
        components.set("schemas", sortedSchemas);
        components.putObject("securitySchemes").set(BEARER, JSON.objectNode()
                .put("type", "http").put("scheme", "bearer")
                .put("description", "An API key created with POST /api/v1/api-keys (dev/up prints the admin key)"));
        merged.putArray("security").addObject().putArray(BEARER);

        ObjectNode sortedPaths = JSON.objectNode();
        new TreeMap<String, JsonNode>(toMap(paths)).forEach((path, item) -> {
            Optional<Route> route = RouteTable.route(path);
            if (route.isPresent() && !route.get().keyRequired()) {
                item.fields().forEachRemaining(op -> {
                    if (op.getValue().isObject() && isMethod(op.getKey())) {
                        ((ObjectNode) op.getValue()).putArray("security");
                    }
                });
            }
            sortedPaths.set(path, item);
        });
        merged.set("paths", sortedPaths);
        List<String> clashes = duplicateOperationIds(sortedPaths);
        if (!clashes.isEmpty()) {
            // each service keeps its ids unique; two services choosing the same one is a bug to see, not to hide
            ArrayNode list = merged.putArray("x-chatroi-duplicate-operation-ids");
            clashes.forEach(list::add);
        }
        merged.set("x-chatroi-sources", sources);
        if (!unrouted.isEmpty()) {
            // a service serves a path family the gateway does not route yet (RouteTable): visible, not silent
            ArrayNode list = merged.putArray("x-chatroi-unrouted");
            unrouted.forEach(list::add);
        }
        return merged;
    }

    private static void add(ObjectNode document, String source, Upstream upstream, ArrayNode tags, ObjectNode paths,
                            ObjectNode components, List<String> unrouted) {
        ObjectNode schemas = (ObjectNode) components.get("schemas");
        Map<String, String> renames = new HashMap<>();
        JsonNode original = document.path("components").path("schemas");
        String prefix = prefixOf(source);
        original.fieldNames().forEachRemaining(name -> {
            JsonNode existing = schemas.get(name);
            if (existing != null && !existing.equals(original.get(name))) {
                renames.put(name, prefix + name);
            }
        });
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
        }
        JsonNode finalSchemas = document.path("components").path("schemas");
        finalSchemas.fieldNames().forEachRemaining(name -> {
            String target = renames.getOrDefault(name, name);
            if (!schemas.has(target)) {
                schemas.set(target, finalSchemas.get(name));
            }
        });
        // other component kinds (responses, parameters, ...): first one wins
        document.path("components").fields().forEachRemaining(kind -> {
            if (kind.getKey().equals("schemas") || kind.getKey().equals("securitySchemes")) {
                return;
            }
            ObjectNode ours = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(c -> {
                if (!ours.has(c.getKey())) {
                    ours.set(c.getKey(), c.getValue());
                }
            });
        });
        Set<String> known = new java.util.HashSet<>();
        tags.forEach(t -> known.add(t.path("name").asText()));
        document.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
        document.path("paths").fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            Optional<Route> route = RouteTable.route(path);
            boolean ours = upstream == null ? route.isEmpty() : route.isPresent() && route.get().upstream() == upstream;
            if (!ours) {
                if (upstream != null && route.isEmpty()) {
                    unrouted.add(source + " " + path);
                }
                return;
            }
            hideInternalHeaders(entry.getValue());
            if (!paths.has(path)) {
                paths.set(path, entry.getValue());
            } else {
                ObjectNode item = (ObjectNode) paths.get(path);
                entry.getValue().fields().forEachRemaining(op -> {
                    if (!item.has(op.getKey())) {
                        item.set(op.getKey(), op.getValue());
                    }
                });
            }
        });
    }

    private static List<String> duplicateOperationIds(ObjectNode paths) {
        Set<String> seen = new java.util.HashSet<>();
        List<String> clashes = new java.util.ArrayList<>();
        paths.forEach(item -> item.fields().forEachRemaining(op -> {
            String id = op.getValue().path("operationId").asText("");
            if (isMethod(op.getKey()) && !id.isEmpty() && !seen.add(id)) {
                clashes.add(id);
            }
        }));
        return clashes;
    }

    /** The identity headers are set by the gateway, never by callers: not part of the public contract. */
    private static void hideInternalHeaders(JsonNode pathItem) {
        pathItem.forEach(operation -> {
            JsonNode parameters = operation.get("parameters");
            if (parameters != null && parameters.isArray()) {
                for (Iterator<JsonNode> it = parameters.elements(); it.hasNext(); ) {
                    JsonNode parameter = it.next();
                    if ("header".equals(parameter.path("in").asText())
                            && parameter.path("name").asText().toLowerCase(Locale.ROOT).startsWith("x-chatroi-")) {
                        it.remove();
                    }
                }
            }
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renames.get(name));
                }
            }
            if (object.has("components") && object.get("components").has("schemas")) {
                ObjectNode schemas = (ObjectNode) object.get("components").get("schemas");
                Map<String, JsonNode> renamed = new LinkedHashMap<>();
                toMap(schemas).forEach((name, schema) -> renamed.put(renames.getOrDefault(name, name), schema));
                schemas.removeAll();
                renamed.forEach(schemas::set);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renames);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static boolean isMethod(String key) {
        return Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key);
    }

    private static String prefixOf(String source) {
        String name = source.replace("-service", "");
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
