package io.chatroi.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key secrets: 32 random bytes (256 bits) as {@code chr_<base64url>}. A secret of that entropy needs no slow
 * password hash: its SHA-256 is what the database stores and what a lookup compares.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "chr_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One digest per thread: every request through the gateway hashes its key, and a provider lookup per call showed. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ApiKeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String secret) {
        return SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** What a list shows to recognise a key: its first 8 characters. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(8, secret.length()));
    }

    /** The bearer token of an Authorization header, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() || token.length() > 512 ? null : token;
    }
}
