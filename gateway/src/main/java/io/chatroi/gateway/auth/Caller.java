package io.chatroi.gateway.auth;

/**
 * Who is calling through the gateway: the key's id ({@code bootstrap} for the key from CHATROI_ADMIN_KEY), its
 * role, and for agents the owner name. Never holds the secret.
 */
public record Caller(String keyId, Role role, String owner) {

    public static final String CONTEXT_KEY = "chatroi.caller";
    public static final String BOOTSTRAP_ID = "bootstrap";
}
