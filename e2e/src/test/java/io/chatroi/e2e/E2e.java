package io.chatroi.e2e;

import io.chatroi.common.testing.ApiKeys;
import io.chatroi.common.testing.SignedWebhooks;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What every e2e test class does through the gateway: keys per role, calls with a key, signed webhooks, waiting. */
final class E2e {

    private E2e() {
    }

    /**
     * A campaign body: {@code templates} as variants A, B, ... of equal weight (parameters friend, Sunday), no
     * holdout, goal reply, quiet hours and the frequency cap off (an e2e run sends at any hour, also to contacts an
     * earlier walk reached).
     */
    static Map<String, Object> campaign(String name, Map<String, Object> audience, String... templates) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < templates.length; i++) {
            variants.add(Map.of("key", String.valueOf((char) ('A' + i)), "templateId", templates[i], "weight", 50,
                    "parameters", List.of("friend", "Sunday")));
        }
        return Map.of("name", name, "owner", "alice", "audience", audience, "variants", variants,
                "holdoutWeight", 0, "goal", Map.of("type", "reply"),
                "rules", Map.of("respectQuietHours", false, "frequencyCap", false));
    }

    static RequestSpecification as(String key) {
        return ApiKeys.as(key);
    }

    /** A new API key of that role (owner for agents, else null), created with the bootstrap admin key. */
    static String key(String role, String owner) {
        return ApiKeys.create(Services.ADMIN_KEY, "e2e " + role, role, owner);
    }

    /** {@code X-Hub-Signature-256} of a body, as Meta signs it with the app secret. */
    static String metaSignature(String body) {
        return SignedWebhooks.metaSignature(Services.APP_SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts a signed Meta delivery to the public webhook and expects the 200 that means stored. */
    static void postSignedWhatsapp(String body) {
        SignedWebhooks.postMeta(Services.APP_SECRET, body.getBytes(StandardCharsets.UTF_8)).statusCode(200);
    }

    /** {@code X-Shopify-Hmac-Sha256} of a body: base64 HMAC-SHA256 with the shop's webhook secret. */
    static String shopifySignature(String body) {
        return java.util.Base64.getEncoder().encodeToString(hmacSha256(Services.SHOPIFY_SECRET,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code X-Twilio-Signature} as Twilio computes it: base64 HMAC-SHA1, keyed with the auth token, over the URL it
     * posts to followed by each POST parameter's name and value, sorted by name.
     */
    static String twilioSignature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tracked-link code a send's link carries, as a recipient's phone gets it: send id, link index and 8 bytes
     * of HMAC-SHA256 with the link secret (by default the webhook app secret), base64url.
     */
    static String linkCode(java.util.UUID sendId, int linkIndex) {
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(17).putLong(sendId.getMostSignificantBits())
                .putLong(sendId.getLeastSignificantBits()).put((byte) linkIndex);
        byte[] signature = java.util.Arrays.copyOf(hmacSha256(Services.APP_SECRET, payload.array()), 8);
        byte[] code = java.nio.ByteBuffer.allocate(25).put(payload.array()).put(signature).array();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(code);
    }

    private static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the probe until it answers non-null (every 250 ms), or fails naming what it waited for. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
