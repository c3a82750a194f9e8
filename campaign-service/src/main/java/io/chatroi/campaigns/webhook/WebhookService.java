package io.chatroi.campaigns.webhook;

import io.chatroi.campaigns.quarantine.QuarantineRepository;
import io.chatroi.campaigns.quarantine.QuarantinedItem;
import io.chatroi.campaigns.quarantine.WebhookTriage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.observability.CampaignMetrics;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Meta's webhook: the verification handshake, and deliveries that are signature-checked on the raw bytes before
 * anything is parsed or stored. A 200 is only answered once the whole delivery is committed.
 */
@ApplicationScoped
public class WebhookService {

    private final Optional<WebhookSignature> signature;
    private final Optional<String> verifyToken;
    private final DeliveryService store;
    private final ObjectMapper json;
    private final CampaignMetrics metrics;
    private final QuarantineRepository quarantine;
    private final Clock clock;

    public WebhookService(@ConfigProperty(name = "chatroi.whatsapp.app-secret") Optional<String> appSecret,
                          @ConfigProperty(name = "chatroi.whatsapp.verify-token") Optional<String> verifyToken,
                          DeliveryService store, ObjectMapper json, CampaignMetrics metrics,
                          QuarantineRepository quarantine, Clock clock) {
        this.signature = appSecret.map(WebhookSignature::new);
        this.verifyToken = verifyToken;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the challenge to echo when mode and token match the configured verify token. */
    public String handshake(String mode, String token, String challenge) {
        boolean matches = verifyToken.isPresent() && token != null && MessageDigest.isEqual(
                verifyToken.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches || challenge == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "hub.mode must be subscribe and hub.verify_token must"
                    + " match WHATSAPP_VERIFY_TOKEN", null, null);
        }
        return challenge;
    }

    public Uni<WebhookBatch> receive(byte[] body, String signatureHeader) {
        long started = System.nanoTime();
        Uni<Stored> stored;
        try {
            stored = verifyAndStore(body, signatureHeader);
        } catch (ProblemException refused) {
            metrics.delivery(switch (refused.type()) {
                case UNAUTHORIZED -> "bad_signature";
                case SERVICE_UNAVAILABLE -> "unconfigured";
                default -> "malformed";
            }, started);
            throw refused;
        }
        return stored.invoke(done -> {
            metrics.delivery("stored", started);
            metrics.stored(done.batch().receipts(), done.quarantined());
        }).onFailure().invoke(failure -> metrics.delivery("failed", started)).map(Stored::batch);
    }

    /** What a stored delivery gave: the usable batch, and how many items it newly set aside in the quarantine. */
    private record Stored(WebhookBatch batch, int quarantined) {
    }

    private Uni<Stored> verifyAndStore(byte[] body, String signatureHeader) {
        WebhookSignature verifier = signature.orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "WHATSAPP_APP_SECRET is not configured, so no delivery can be verified", null, null));
        if (body == null || !verifier.verify(body, signatureHeader)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "X-Hub-Signature-256 is missing or does not match the body", null, null);
        }
        // a signed delivery is always acknowledged once stored: what cannot be used is quarantined with the reason
        WebhookTriage.Triage triage = WebhookTriage.triage(body, json);
        Instant now = clock.instant();
        return store.store(triage.storableBody(), triage.usable(), now)
                // the digest keys quarantined items only: most deliveries have none and skip hashing the body again
                .chain(() -> triage.quarantined().isEmpty() ? Uni.createFrom().item(0)
                        : quarantine.insert(triage.quarantined(), sha256(body), now))
                .map(setAside -> new Stored(triage.usable(), setAside))
                // content the checks above missed: keep the delivery raw rather than answer 5xx for days
                .onFailure(QuarantineRepository::isDataError).recoverWithUni(e -> {
                    WebhookBatch nothing = new WebhookBatch(List.of(), List.of(), List.of(), List.of());
                    return store.store(triage.storableBody(), nothing, now)
                            .chain(() -> quarantine.insert(List.of(QuarantinedItem.whole(body,
                                    "the database refused the delivery: " + e.getMessage())), sha256(body), now))
                            .map(setAside -> new Stored(nothing, setAside));
                });
    }
}
