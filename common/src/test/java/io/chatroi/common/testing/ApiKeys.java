package io.chatroi.common.testing;

import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls with a gateway API key, and new keys per role: for the gateway's tests and the end-to-end walk. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /** A request carrying {@code key} as its bearer. */
    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /**
     * A new key of {@code role} (an agent's {@code owner}, else null), created by {@code adminKey}; answers the secret.
     */
    public static String create(String adminKey, String name, String role, String owner) {
        Map<String, Object> body = owner == null ? Map.of("name", name, "role", role)
                : Map.of("name", name, "role", role, "owner", owner);
        return as(adminKey).contentType("application/json").body(body).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");
    }
}
