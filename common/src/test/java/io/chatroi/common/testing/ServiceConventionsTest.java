package io.chatroi.common.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every ChatROI service must do, checked against the running service and its real database. Each service
 * runs it with a one-line {@code @QuarkusTest} subclass.
 */
public abstract class ServiceConventionsTest {

    /** The committed API contract, relative to the module directory (the test's working directory). */
    public static final String CONTRACT_FILE = "openapi.yaml";
    /** {@code -Dchatroi.openapi.update=true} rewrites the committed contract from the running service. */
    public static final String UPDATE_PROPERTY = "chatroi.openapi.update";

    /** Where the service serves its own OpenAPI document (the gateway overrides it: its /q/openapi is merged). */
    protected String ownOpenApiPath() {
        return "/q/openapi";
    }

    /**
     * The committed {@code openapi.yaml} is the service's API contract, reviewed in diffs by frontend teams: the
     * test fails when the code serves something else. Refresh it with
     * {@code ./mvnw -B -o -q -pl <module> verify -Dtest=ConventionsTest -Dchatroi.openapi.update=true}.
     */
    @Test
    void openApiDocumentMatchesTheCommittedContract() throws IOException {
        String live = given().queryParam("format", "yaml").get(ownOpenApiPath())
                .then().statusCode(200).extract().asString();
        Path file = Path.of(CONTRACT_FILE);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(file, normalise(live), StandardCharsets.UTF_8);
            return;
        }
        Assumptions.assumeTrue(Files.exists(file), "no " + file.toAbsolutePath() + " yet; create it with -D"
                + UPDATE_PROPERTY + "=true");
        List<String> committed = normalise(Files.readString(file, StandardCharsets.UTF_8)).lines().toList();
        List<String> served = normalise(live).lines().toList();
        for (int i = 0; i < Math.max(committed.size(), served.size()); i++) {
            String want = i < committed.size() ? committed.get(i) : "<end of file>";
            String got = i < served.size() ? served.get(i) : "<end of document>";
            if (!want.equals(got)) {
                fail("The OpenAPI document served at " + ownOpenApiPath() + " differs from the committed "
                        + file.toAbsolutePath() + " at line " + (i + 1) + ":\n  committed: " + want + "\n  served:    "
                        + got + "\nIf the API change is intended, refresh the contract with"
                        + " ./mvnw -B -o -q -pl <module> verify -Dtest=ConventionsTest -D" + UPDATE_PROPERTY
                        + "=true and commit it.");
            }
        }
    }

    private static String normalise(String document) {
        return document.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", startsWith("ChatROI"));
    }

    @Test
    protected void unknownApiPathsAnswerWithProblemDetails() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("https://"));
    }
}
