package io.chatroi.common.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every ChatROI service must do, checked against the running service and its real database. Each service
 * runs it with a one-line {@code @QuarkusTest} subclass.
 */
public abstract class ServiceConventionsTest {

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
    void unknownApiPathsAnswerWithProblemDetails() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("https://"));
    }
}
