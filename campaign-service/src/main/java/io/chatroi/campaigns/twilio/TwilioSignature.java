package io.chatroi.campaigns.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * X-Twilio-Signature: base64 of HMAC-SHA1, keyed with the auth token, over the full URL Twilio posted to (as it was
 * configured, query included) followed by every POST parameter's name and value, sorted by name (values of a
 * repeated name sorted too). Compared in constant time.
 */
public final class TwilioSignature {

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        params.keySet().stream().sorted().forEach(name -> {
            List<String> values = new ArrayList<>(params.get(name));
            values.sort(null);
            values.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    public boolean verify(String url, Map<String, List<String>> params, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(url, params).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
