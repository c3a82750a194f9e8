package io.chatroi.campaigns.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Meta's X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request bytes, keyed with the app secret. */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    // a keyed Mac per thread (event loop or worker): looking the algorithm up and keying it cost more than hashing a
    // small delivery; doFinal resets the Mac for the next body
    private final ThreadLocal<Mac> macs;

    public WebhookSignature(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(macs.get().doFinal(body));
    }

    /** Constant-time comparison of the header with the signature of exactly these bytes. */
    public boolean verify(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
