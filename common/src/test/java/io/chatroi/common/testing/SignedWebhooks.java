package io.chatroi.common.testing;

import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;

/**
 * WhatsApp deliveries signed as Meta signs them ({@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256
 * of the exact bytes under the app secret), posted to the webhook: one helper for every test that plays Meta.
 */
public final class SignedWebhooks {

    /** The key campaign-service reads its app secret from; its test profile sets the value. */
    public static final String APP_SECRET_KEY = "chatroi.whatsapp.app-secret";

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final String PATH = "/webhooks/whatsapp";

    private SignedWebhooks() {
    }

    /** The {@code X-Hub-Signature-256} value of {@code body} under {@code appSecret}. */
    public static String metaSignature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The app secret of the service under test, read from its configuration (in a @QuarkusTest, the test profile's
     * {@code %test.chatroi.whatsapp.app-secret}) so the value is written in one place only.
     */
    public static String testAppSecret() {
        return ConfigProvider.getConfig().getValue(APP_SECRET_KEY, String.class);
    }

    /** Posts {@code body}, signed over its exact bytes with the test profile's secret, to the WhatsApp webhook. */
    public static ValidatableResponse postMeta(byte[] body) {
        return postMeta(testAppSecret(), body);
    }

    public static ValidatableResponse postMeta(String body) {
        return postMeta(body.getBytes(StandardCharsets.UTF_8));
    }

    public static ValidatableResponse postMeta(String appSecret, byte[] body) {
        return given().contentType("application/json").header(SIGNATURE_HEADER, metaSignature(appSecret, body))
                .body(body).post(PATH).then();
    }
}
