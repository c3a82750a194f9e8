package io.chatroi.common.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The decision of {@link InternalTokenFilter}, in plain Java: with a token configured, every request must carry it
 * except the public ones (health and OpenAPI under {@code /q}, webhooks, tracked-link redirects). Guarding all but
 * a list of open prefixes, rather than {@code /api/**} alone, leaves no spelling of an API path unguarded.
 * Constant-time comparison.
 */
public final class InternalTokenCheck {

    private final byte[] expected;

    public InternalTokenCheck(Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    public boolean enabled() {
        return expected != null;
    }

    public boolean allows(String path, String presented) {
        if (expected == null || !guarded(path)) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    static boolean guarded(String path) {
        if (path == null) {
            return true;
        }
        return !(path.equals("/q") || path.startsWith("/q/") || path.startsWith("/webhooks/")
                || path.startsWith("/r/"));
    }
}
