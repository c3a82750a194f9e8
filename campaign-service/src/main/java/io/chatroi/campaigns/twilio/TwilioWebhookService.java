package io.chatroi.campaigns.twilio;

import io.chatroi.campaigns.provider.TwilioSettings;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.chatroi.campaigns.webhook.DeliveryService;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's webhook: the signature is checked over the configured public URL (behind the ingress the pod's own
 * address would never match what Twilio signed), then the callback is stored through the same store as Meta's
 * deliveries, so receipts fold, replies are credited and inbound messages reach contacts-service alike.
 */
@ApplicationScoped
public class TwilioWebhookService {

    private final Optional<TwilioSignature> signature;
    private final String url;
    private final DeliveryService store;
    private final Clock clock;

    public TwilioWebhookService(TwilioSettings settings, DeliveryService store, Clock clock) {
        this.signature = settings.authToken().map(TwilioSignature::new);
        this.url = settings.callbackUrl();
        this.store = store;
        this.clock = clock;
    }

    public Uni<TwilioDelivery> receive(Map<String, List<String>> form, String rawQuery, String sendId,
                                       String header) {
        TwilioSignature verifier = signature.orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "TWILIO_AUTH_TOKEN is not configured, so no Twilio callback can be verified", null, null));
        Map<String, List<String>> params = form == null ? Map.of() : new LinkedHashMap<>(form);
        String signed = url + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        if (!verifier.verify(signed, params, header)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "X-Twilio-Signature is missing or does not match the URL and parameters", null, null);
        }
        Instant now = clock.instant();
        WebhookBatch batch = TwilioCallbacks.parse(params, sendId, now);
        JsonObject raw = new JsonObject();
        params.forEach((name, values) -> raw.put(name, values.size() == 1 ? values.get(0) : values));
        return store.store(raw.encode(), batch, now)
                .replaceWith(new TwilioDelivery(batch.receipts().size(), batch.messages().size()));
    }
}
