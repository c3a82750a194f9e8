package io.chatroi.metrics.api;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/** Decimal JSON numbers as doubles in assertions (RestAssured's default is float). */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static void asDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
