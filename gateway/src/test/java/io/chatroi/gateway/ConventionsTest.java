package io.chatroi.gateway;

import io.chatroi.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ConventionsTest extends ServiceConventionsTest {

    /** The gateway's /q/openapi is the merged document; its own (the API keys) is the contract. */
    @Override
    protected String ownOpenApiPath() {
        return "/q/openapi-gateway";
    }

    /** At the gateway every /api/** path needs a key first; with one, unknown paths are problem 404s. */
    @Override
    @Test
    protected void unknownApiPathsAnswerWithProblemDetails() {
        given().header("Authorization", "Bearer test-admin-key").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("https://"));
    }
}
