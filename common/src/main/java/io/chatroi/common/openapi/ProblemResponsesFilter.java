package io.chatroi.common.openapi;

import io.chatroi.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents the errors of every operation of every service as {@code application/problem+json} with one shared
 * {@code Problem} schema, so no resource repeats them and no service can forget one. Each operation gets the errors
 * any request can meet on its way (bad input or path, no key, role, rate limit, a service down or silent), 404 when
 * its path names a record, 413 and 415 when it takes a body; an error a resource declares itself (say 409) keeps its
 * description and gets the schema. Runs at build time: the served document is the committed contract.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String REF = "#/components/responses/";
    /** Descriptions that say no more than the status line; the shared response says more. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("", "Bad Request", "Not Found",
            "Conflict", "Unauthorized", "Forbidden", "Service Unavailable");

    /** An error status, the name of its shared response under {@code components.responses}, what it means. */
    private record Error(String name, String description) {
    }

    /** Every error status a ChatROI service or the gateway answers. */
    private static final Map<String, Error> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new Error("BadRequest",
                "Invalid request: `errors` lists each invalid field; a path spelled ambiguously is refused too"));
        ERRORS.put("401", new Error("Unauthorized", "No valid API key (or, on a service's own port, no internal token)"));
        ERRORS.put("403", new Error("Forbidden", "The caller's role may not do this"));
        ERRORS.put("404", new Error("NotFound", "No such record, or one the caller may not see"));
        ERRORS.put("409", new Error("Conflict", "Conflicts with the current state of a record"));
        ERRORS.put("413", new Error("PayloadTooLarge", "The request body is over the size limit"));
        ERRORS.put("415", new Error("UnsupportedMediaType", "The request body's content type is not accepted here"));
        ERRORS.put("422", new Error("UnprocessableContent", "An Idempotency-Key already used with another request body"));
        ERRORS.put("429", new Error("TooManyRequests", "Over the API key's rate limit; retry after `Retry-After` seconds"));
        ERRORS.put("503", new Error("ServiceUnavailable", "A service this needs is down; retry shortly"));
        ERRORS.put("504", new Error("GatewayTimeout", "A service this needs did not answer in time"));
    }

    /** The errors every operation can meet, whatever it does. */
    private static final List<String> ALWAYS = List.of("400", "401", "403", "429", "503", "504");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        ERRORS.forEach((status, error) -> {
            APIResponse response = OASFactory.createAPIResponse().description(error.description());
            withProblemBody(response, status);
            components.addResponse(error.name(), response);
        });
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
                entry.getValue().getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getRef() != null) {
                        used.add(response.getRef().substring(REF.length()));
                    }
                });
            }
        });
        // a shared response no operation names is noise in the document (and a lint warning)
        ERRORS.values().forEach(error -> {
            if (!used.contains(error.name())) {
                components.removeResponse(error.name());
            }
        });
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (String status : ALWAYS) {
            ensure(responses, status);
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, "413");
            ensure(responses, "415");
        }
        // errors a resource declared itself (409, a 404 on a path without parameters...): the shared response,
        // unless the resource says something of its own about it
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (ERRORS.containsKey(status) && response.getRef() == null) {
                    if (response.getDescription() == null || GENERIC.contains(response.getDescription())) {
                        response.setDescription(null);
                        response.setRef(REF + ERRORS.get(status).name());
                    } else {
                        withProblemBody(response, status);
                    }
                }
            });
        }
    }

    private static void ensure(APIResponses responses, String status) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(REF + ERRORS.get(status).name()));
        }
    }

    private static void withProblemBody(APIResponse response, String status) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        if ("429".equals(status) && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before the next request")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input field")
                .addProperty("field", text("The field, as named in the request (`phone`, `variants[1].weight`, a query parameter)"))
                .addProperty("message", text("What is wrong with it, for a person"))
                .addRequired("field").addRequired("message");
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem details body, answered with `application/problem+json` on every"
                        + " error. Problem-specific members sit at the top level beside the standard ones.")
                .addProperty("type", text("A stable identifier of the kind of problem (`https://chatroi.io/problems/validation`, "
                        + "`.../not-found`, `.../conflict`, `.../rate-limited`...); not a link").format("uri"))
                .addProperty("title", text("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status code").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text("What went wrong with this request, for a person"))
                .addProperty("instance", text("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field (validation problems only)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .addProperty("existingId", text("The id of the record that already holds a unique value, such as the"
                        + " contact with a duplicate phone (409 only)").format("uuid"))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
