package io.chatroi.gateway.api;

import io.chatroi.common.testing.ApiKeys;
import io.restassured.specification.RequestSpecification;

/** API keys for tests: the bootstrap admin key of the test profile, and fresh keys per role. */
final class Keys {

    static final String ADMIN = "test-admin-key";

    private Keys() {
    }

    static RequestSpecification as(String key) {
        return ApiKeys.as(key);
    }

    /** Creates a key and returns its secret. */
    static String create(String role, String owner) {
        return ApiKeys.create(ADMIN, role + " key", role, owner);
    }
}
