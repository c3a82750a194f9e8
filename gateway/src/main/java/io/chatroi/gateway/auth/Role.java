package io.chatroi.gateway.auth;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do (docs/architecture.md, Security). The wire value is the lower-case name. */
public enum Role {
    ADMIN, MANAGER, AGENT, INTEGRATOR, VIEWER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }
}
