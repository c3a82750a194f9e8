package io.chatroi.e2e;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node tools of the contract checks (Redocly's lint, the typed client example). They need Node 20 or newer;
 * without it a newcomer's build says so in one loud line and skips only these steps, while CI ({@code CI=true})
 * fails.
 */
final class NodeTools {

    static final int MINIMUM_NODE = 20;

    private NodeTools() {
    }

    /** Skips the calling test (or fails it in CI) unless Node >= 20 and npx are on the PATH. */
    static void requireNode(String step) {
        String version = run(Path.of("."), List.of("node", "--version"), Map.of(), 30).output().trim();
        int major = -1;
        if (version.startsWith("v")) {
            try {
                major = Integer.parseInt(version.substring(1, version.indexOf('.')));
            } catch (RuntimeException ignored) {
                // not a version line
            }
        }
        if (major >= MINIMUM_NODE) {
            return;
        }
        String line = "!!! " + step + " SKIPPED: it needs Node " + MINIMUM_NODE + "+ (found: "
                + (major < 0 ? "no node" : version) + "). Install Node " + MINIMUM_NODE + " to run it; CI requires it.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(line.replace("SKIPPED", "FAILED (CI=true)"));
        }
        System.out.println(line);
        Assumptions.abort(line);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, List<String> command, Map<String, String> environment, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
