package io.chatroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two checks frontends care about, run on the merged document the stack serves: Redocly's {@code recommended}
 * ruleset with no error and no warning, and the typed TypeScript client of {@code examples/typescript-client}
 * (generated, type-checked with tsc, run against the stack).
 */
final class ContractTools {

    static final String REDOCLY = "@redocly/cli@2.77.0";

    private ContractTools() {
    }

    /** Lints the merged document; returns the problems that fail the build (errors and warnings alike). */
    static List<String> lint() {
        NodeTools.requireNode("Redocly lint of the merged OpenAPI document");
        // from the module directory: redocly.yaml (recommended) and .redocly.lint-ignore.yaml (named exceptions)
        NodeTools.Result result = NodeTools.run(Path.of("."), List.of("npx", "-y", REDOCLY, "lint", "--format=json",
                MergedContract.DOCUMENT.toString()), Map.of(), 600);
        String output = result.output();
        int start = output.indexOf('{');
        if (start < 0) {
            throw new AssertionError("Redocly gave no report (exit " + result.exitCode() + "): " + output);
        }
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(output.substring(start, output.lastIndexOf('}') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Redocly's report is not JSON: " + output, e);
        }
        List<String> failing = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            if (problem.path("ignored").asBoolean(false)) {
                continue;
            }
            String pointer = problem.path("location").path(0).path("pointer").asText("");
            String line = problem.path("severity").asText() + " " + problem.path("ruleId").asText() + " at "
                    + pointer + ": " + problem.path("message").asText();
            failing.add(line);
        }
        System.out.println("[contract] Redocly " + REDOCLY + " recommended on the merged document: "
                + failing.size() + " problems");
        return failing;
    }

    /** Generates the client's types from the merged document, type-checks it and runs it against the stack. */
    static String runTypedClient(String apiKey, String campaignId) {
        NodeTools.requireNode("The typed TypeScript client example");
        JsonNode kpis;
        try {
            kpis = new ObjectMapper().readTree(MergedContract.DOCUMENT.toFile())
                    .at("/paths/~1api~1v1~1kpis/get/responses/200/content/application~1json/schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kpis.isMissingNode()) {
            throw new AssertionError("the merged document has no typed KPI report for the client to use");
        }
        Path client = Services.root().resolve("examples/typescript-client").toAbsolutePath();
        Map<String, String> env = Map.of("CHATROI_OPENAPI", MergedContract.DOCUMENT.toAbsolutePath().toString(),
                "CHATROI_URL", "http://127.0.0.1:" + Services.GATEWAY, "CHATROI_KEY", apiKey,
                "CHATROI_CAMPAIGN_ID", campaignId == null ? "" : campaignId);
        boolean installed = Files.isDirectory(client.resolve("node_modules"));
        for (List<String> step : List.of(
                installed ? List.<String>of() : List.of("npm", "ci", "--no-audit", "--no-fund"),
                List.of("npm", "run", "--silent", "generate"),
                List.of("npm", "run", "--silent", "build"),
                List.of("npm", "run", "--silent", "start"))) {
            if (step.isEmpty()) {
                continue;
            }
            NodeTools.Result result = NodeTools.run(client, step, env, 600);
            if (result.exitCode() != 0) {
                throw new AssertionError("examples/typescript-client: `" + String.join(" ", step) + "` failed (exit "
                        + result.exitCode() + "):\n" + result.output());
            }
            if (step.contains("start")) {
                return result.output();
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
