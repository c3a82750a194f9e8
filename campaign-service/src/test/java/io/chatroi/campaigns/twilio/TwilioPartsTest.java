package io.chatroi.campaigns.twilio;

import io.chatroi.campaigns.webhook.WebhookBatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's signature and the reading of its status callbacks and inbound messages, as plain code. */
class TwilioPartsTest {

    @Test
    void theSignatureIsHmacSha1OverTheUrlAndTheSortedParameters() {
        // the example of Twilio's webhook security guide
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("+18005551212"));
        params.put("Digits", List.of("1234"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("From", List.of("+12349013030"));
        params.put("Caller", List.of("+12349013030"));
        TwilioSignature signature = new TwilioSignature("12345");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(signature.sign(url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(signature.verify(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
        assertThat(signature.verify("http://10.0.0.7:8082/myapp.php?foo=1&bar=2", params,
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(signature.verify(url, params, null)).isFalse();
    }

    @Test
    void statusesAndErrorCodesMapOntoWhatsAppsAndInboundMessagesKeepTheirContext() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        WebhookBatch failed = TwilioCallbacks.parse(Map.of("MessageSid", List.of("SM1"), "MessageStatus",
                List.of("undelivered"), "ErrorCode", List.of("63016"), "To", List.of("whatsapp:+14155552671")), "s-1", now);
        assertThat(failed.receipts()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.errorCode()).isEqualTo(131047);
            assertThat(r.errorTitle()).isEqualTo("Twilio 63016");
            assertThat(r.recipient()).isEqualTo("+14155552671");
            assertThat(r.callbackData()).isEqualTo("s-1");
        });
        assertThat(TwilioCallbacks.parse(Map.of("MessageSid", List.of("SM1"), "MessageStatus", List.of("queued")),
                null, now).receipts()).isEmpty();
        assertThat(TwilioCallbacks.parse(Map.of("MessageSid", List.of("SM1"), "MessageStatus", List.of("failed"),
                "ErrorCode", List.of("63999")), null, now).receipts().get(0).errorCode()).isEqualTo(63999);

        WebhookBatch button = TwilioCallbacks.parse(Map.of("MessageSid", List.of("SM2"), "From",
                List.of("whatsapp:+5511987654321"), "ProfileName", List.of("Ana"), "ButtonPayload", List.of("STOP"),
                "ButtonText", List.of("Stop promotions"), "Body", List.of("Stop promotions"),
                "OriginalRepliedMessageSid", List.of("SM1"), "SmsStatus", List.of("received")), null, now);
        assertThat(button.messages()).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("+5511987654321");
            assertThat(m.type()).isEqualTo("button");
            assertThat(m.payload()).isEqualTo("STOP");
            assertThat(m.text()).isEqualTo("Stop promotions");
            assertThat(m.contextId()).isEqualTo("SM1");
            assertThat(m.profileName()).isEqualTo("Ana");
        });
        WebhookBatch photo = TwilioCallbacks.parse(Map.of("MessageSid", List.of("MM3"), "From",
                List.of("whatsapp:+5511987654321"), "NumMedia", List.of("1"), "MediaContentType0", List.of("image/jpeg"),
                "MediaUrl0", List.of("https://api.twilio.com/media/1"), "Body", List.of("")), null, now);
        assertThat(photo.messages().get(0).type()).isEqualTo("image");
        assertThat(photo.messages().get(0).rawJson()).contains("MediaUrl0");
    }
}
