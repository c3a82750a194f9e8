package io.chatroi.contacts.web;

/**
 * Who is calling, as the gateway tells services in headers; {@code actor} is recorded in histories.
 * {@code agentOwner} is the owner an agent key is narrowed to (null for every other caller): what such a caller
 * may see. Direct calls without the headers (tests, local tools) act as "api" and see everything.
 */
public record Caller(String actor, String agentOwner) {

    public static final String KEY_ID_HEADER = "X-ChatROI-Key-Id";

    public static Caller of(String keyId) {
        return of(keyId, null, null);
    }

    public static Caller of(String keyId, String role, String owner) {
        return new Caller(keyId == null || keyId.isBlank() ? "api" : "key:" + keyId,
                AgentScope.isAgent(role) ? owner : null);
    }

    /** Whether this caller may see a record of {@code owner}: everyone but an agent sees every owner. */
    public boolean maySee(String owner) {
        return agentOwner == null || agentOwner.equals(owner);
    }
}
