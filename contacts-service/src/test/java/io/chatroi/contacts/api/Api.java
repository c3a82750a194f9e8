package io.chatroi.contacts.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** Small helpers for API tests: unique valid phone numbers and owners, so tests never see each other's data. */
final class Api {

    private static final AtomicLong NEXT = new AtomicLong(20_000_000L + (System.nanoTime() % 70_000_000L));

    private Api() {
    }

    /** A valid Berlin number nobody else in this run uses. */
    static String berlinPhone() {
        return "+4930" + NEXT.incrementAndGet();
    }

    static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static String createContact(Map<String, Object> body) {
        return post("/api/v1/contacts", body).statusCode(201).extract().path("id");
    }

    static void inbound(String contactId, String text, String at) {
        post("/api/v1/contacts/" + contactId + "/interactions",
                Map.of("direction", "inbound", "text", text, "at", at)).statusCode(201);
    }
}
