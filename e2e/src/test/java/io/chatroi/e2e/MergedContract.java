package io.chatroi.e2e;

import io.chatroi.common.testing.ContractValidation;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds every call the e2e tests make through the gateway to the gateway's merged OpenAPI document, the one frontends
 * generate their clients from. The document is fetched once the stack runs (after every service's part is in) and
 * written to {@code e2e/target/openapi-merged.json}, where the lint and the typed client example read it.
 */
final class MergedContract implements Filter {

    static final Path DOCUMENT = Path.of("target", "openapi-merged.json");
    private static MergedContract installed;

    private final ContractValidation validation;

    private MergedContract(ContractValidation validation) {
        this.validation = validation;
    }

    /** Fetches the merged document and puts the filter in front of every rest-assured call (once per JVM). */
    static synchronized void install(int gatewayPort) {
        if (installed == null) {
            String document = fetch(gatewayPort);
            try {
                Files.createDirectories(DOCUMENT.getParent());
                Files.writeString(DOCUMENT, document, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            installed = new MergedContract(ContractValidation.of("the gateway's merged /q/openapi", document));
        }
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(f -> f instanceof MergedContract);
        filters.add(installed);
        RestAssured.replaceFiltersWith(filters);
    }

    /** Prints the count and writes it to {@code target/contract-validation.txt} (when the stack stops). */
    static void report() {
        String summary = summary();
        System.out.println(summary);
        try {
            Files.writeString(DOCUMENT.resolveSibling("contract-validation.txt"), summary + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary() {
        return installed == null ? "[contract] e2e: not installed" : installed.validation.summary();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        return validation.filter(request, response, context);
    }

    /** The merged document once every service's part is in ({@code x-chatroi-sources} all "ok"). */
    private static String fetch(int gatewayPort) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gatewayPort + "/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = answer.body();
                if (answer.statusCode() == 200 && !last.contains("\"unavailable\"")) {
                    return last;
                }
                Thread.sleep(1_000);
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the gateway's merged OpenAPI document stayed incomplete: " + last);
    }
}
