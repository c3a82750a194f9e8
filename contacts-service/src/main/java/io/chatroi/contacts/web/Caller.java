package io.chatroi.contacts.web;

/**
 * Who is calling, as the gateway tells services in headers; {@code actor} is recorded in histories.
 * Direct calls without the headers (tests, local tools) act as "api".
 */
public record Caller(String actor) {

    public static final String KEY_ID_HEADER = "X-ChatROI-Key-Id";

    public static Caller of(String keyId) {
        return new Caller(keyId == null || keyId.isBlank() ? "api" : "key:" + keyId);
    }
}
