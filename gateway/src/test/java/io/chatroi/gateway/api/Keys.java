package io.chatroi.gateway.api;

import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** API keys for tests: the bootstrap admin key of the test profile, and fresh keys per role. */
final class Keys {

    static final String ADMIN = "test-admin-key";

    private Keys() {
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Creates a key and returns its secret. */
    static String create(String role, String owner) {
        Map<String, Object> body = owner == null ? Map.of("name", role + " key", "role", role)
                : Map.of("name", role + " key", "role", role, "owner", owner);
        return as(ADMIN).contentType("application/json").body(body)
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }
}
