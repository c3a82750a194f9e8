package io.chatroi.common.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A rest-assured filter that holds every call a test makes to an OpenAPI document: each response must be one the
 * document describes for that operation (status, content type, body schema with its required and nullable fields;
 * an undocumented field fails too), and each request the service accepted (2xx) must be one the document allows, so
 * a required field the code does not require shows. A request the service refused is not checked: tests send bad
 * input on purpose. Calls to paths outside the document ({@code /q/health}, unknown paths, the gateway's proxied
 * routes in its own tests) are counted apart and listed in the summary.
 *
 * <p>Service tests get it without a line of code ({@link ContractValidationCallback}); e2e builds its own instance
 * over the gateway's merged document.
 */
public final class ContractValidation implements OrderedFilter {

    private static final Set<String> OUTSIDE_KEYS = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    static final String HOW_TO_FIX = "Fix the code or its OpenAPI annotations (then refresh openapi.yaml), or mark"
            + " the test @SkipContractValidation(\"why\").";

    private final String name;
    private final boolean failFast;
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String currentTest;
    private final OpenApiInteractionValidator validator;
    private final AtomicInteger validated = new AtomicInteger();
    private final Set<String> outside = java.util.Collections.synchronizedSet(new TreeSet<>());

    private ContractValidation(String name, OpenApiInteractionValidator validator, boolean failFast) {
        this.name = name;
        this.validator = validator;
        this.failFast = failFast;
    }

    /**
     * Validation against a document given as text (YAML or JSON) that fails the call breaking the contract;
     * {@code name} appears in failures.
     */
    public static ContractValidation of(String name, String document) {
        return of(name, document, true);
    }

    /** With {@code failFast} false, violations are collected ({@link #takeViolations}) and the test goes on. */
    public static ContractValidation of(String name, String document, boolean failFast) {
        return new ContractValidation(name,
                OpenApiInteractionValidator.createForInlineApiSpecification(OpenApi30View.of(document)).build(),
                failFast);
    }

    static ContractValidation ofFile(Path file, boolean failFast) {
        try {
            return of(file.toString(), Files.readString(file, StandardCharsets.UTF_8), failFast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        Request request = RestAssuredRequest.of(requestSpec);
        // every PATCH of this API is a JSON merge patch (RFC 7396, sent as merge-patch+json or plain JSON): a partial
        // document where null removes a member, which no request schema describes, so only its answer is checked
        // a webhook's body is the provider's payload (Meta's, Shopify's, Twilio's form), held to its signature and its
        // parser rather than to a schema of ours, so only the answer to it is checked too
        boolean mergePatch = "PATCH".equalsIgnoreCase(requestSpec.getMethod())
                || java.net.URI.create(requestSpec.getURI()).getPath().startsWith("/webhooks/")
                || String.valueOf(requestSpec.getContentType()).startsWith("application/merge-patch+json");
        ValidationReport report = response.statusCode() < 300 && !mergePatch
                ? validator.validate(request, RestAssuredResponse.of(response))
                : validator.validateResponse(request.getPath(), request.getMethod(), RestAssuredResponse.of(response));
        if (report.getMessages().stream().anyMatch(m -> OUTSIDE_KEYS.contains(m.getKey()))) {
            outside.add(request.getMethod() + " " + request.getPath() + " " + response.statusCode());
            return response;
        }
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - [" + m.getKey() + "] " + m.getMessage())
                    .collect(Collectors.joining("\n"));
            String violation = (currentTest == null ? "" : currentTest + ": ") + request.getMethod() + " "
                    + request.getPath() + " answered " + response.statusCode() + ", which the contract " + name
                    + " does not allow:\n" + messages + "\n  body: " + abbreviate(response.asString());
            if (failFast) {
                throw new AssertionError(violation + "\n" + HOW_TO_FIX);
            }
            violations.add(violation);
        }
        validated.incrementAndGet();
        return response;
    }

    /** After rest-assured's own filters, so the request is complete (port, headers) when it is checked. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    /** Names the running test in violations. */
    void currentTest(String test) {
        currentTest = test;
    }

    /** The violations collected so far, cleared. */
    List<String> takeViolations() {
        List<String> taken = List.copyOf(violations);
        violations.removeAll(taken);
        return taken;
    }

    public int validatedResponses() {
        return validated.get();
    }

    public Set<String> outsideCalls() {
        synchronized (outside) {
            return Set.copyOf(outside);
        }
    }

    public String name() {
        return name;
    }

    /** One line for a build log: how many responses were checked, and what was outside the document. */
    public String summary() {
        Set<String> calls = outsideCalls();
        return "[contract] " + validated.get() + " responses validated against " + name
                + (calls.isEmpty() ? "" : "; " + calls.size() + " distinct calls outside it (e.g. "
                + calls.stream().limit(5).collect(Collectors.joining(", ")) + ")");
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
