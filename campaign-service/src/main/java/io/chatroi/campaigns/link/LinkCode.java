package io.chatroi.campaigns.link;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The code in a tracked link {@code /r/{code}}: the send id and the link's position, signed. Nothing is stored per
 * link, so a launch of a million sends writes no link rows; a guessed or altered code fails the signature check.
 * Layout before base64url: 16 bytes send id, 1 byte link index, 8 bytes of HMAC-SHA256 over the first 17.
 */
public final class LinkCode {

    /** What a code points at. */
    public record Target(UUID sendId, int linkIndex) {
    }

    private static final int SIGNATURE_BYTES = 8;
    private static final int PAYLOAD_BYTES = 17;

    private final SecretKeySpec key;

    public LinkCode(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a link signing secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(UUID sendId, int linkIndex) {
        if (linkIndex < 0 || linkIndex > 255) {
            throw new IllegalArgumentException("link index out of range: " + linkIndex);
        }
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES + SIGNATURE_BYTES);
        buffer.putLong(sendId.getMostSignificantBits()).putLong(sendId.getLeastSignificantBits())
                .put((byte) linkIndex);
        buffer.put(sign(Arrays.copyOf(buffer.array(), PAYLOAD_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public Optional<Target> decode(String code) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(code);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // the last character carries 4 unused bits; only the canonical spelling of a code is that code
        if (bytes.length != PAYLOAD_BYTES + SIGNATURE_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(code)) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
        byte[] signature = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
        if (!MessageDigest.isEqual(signature, sign(payload))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        return Optional.of(new Target(new UUID(buffer.getLong(), buffer.getLong()), buffer.get() & 0xff));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
