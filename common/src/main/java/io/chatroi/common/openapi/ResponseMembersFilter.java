package io.chatroi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our responses are records that Jackson writes whole: every member is present, null or not. So in every schema that
 * only success responses use (not a request body or parameter, where members are optional), every property is
 * {@code required}; which of them may be null is said per member ({@code @Schema(nullable = true)}). A generated
 * client then types {@code contact.company} as {@code string | null} instead of an optional it must guess about,
 * and the contract tests fail when a member goes missing.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ResponseMembersFilter implements OASFilter {

    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        List<Schema> answered = new ArrayList<>();
        List<Schema> sent = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    collect(operation.getRequestBody().getContent(), sent);
                }
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        if (parameter.getSchema() != null) {
                            sent.add(parameter.getSchema());
                        }
                    }
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((status, response) -> {
                        if (status.startsWith("2")) {
                            collect(response.getContent(), answered);
                        }
                    });
                }
            }
        });
        Set<String> responseOnly = reachable(answered, schemas);
        responseOnly.removeAll(reachable(sent, schemas));
        for (String name : responseOnly) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                List<String> required = new ArrayList<>(schema.getProperties().keySet());
                schema.setRequired(required);
            }
        }
    }

    private static void collect(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    into.add(media.getSchema());
                }
            }
        }
    }

    /** Names of the component schemas the given schemas lead to, through refs, members, items and combinators. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(REF)) {
                String name = ref.substring(REF.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> combined : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                    nonNull(schema.getOneOf()))) {
                combined.forEach(todo::push);
            }
        }
        return names;
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
