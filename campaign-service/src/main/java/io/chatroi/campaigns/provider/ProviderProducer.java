package io.chatroi.campaigns.provider;

import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Chooses the provider from configuration: simulated (default for demos), whatsapp-cloud or twilio. */
public class ProviderProducer {

    @Produces
    @ApplicationScoped
    MessageProvider provider(Vertx vertx,
                             @ConfigProperty(name = "chatroi.campaigns.provider") String kind,
                             @ConfigProperty(name = "chatroi.whatsapp.graph-url") String graphUrl,
                             @ConfigProperty(name = "chatroi.whatsapp.api-version") String version,
                             @ConfigProperty(name = "chatroi.whatsapp.phone-number-id") Optional<String> phoneNumberId,
                             @ConfigProperty(name = "chatroi.whatsapp.access-token") Optional<String> token,
                             @ConfigProperty(name = "chatroi.whatsapp.timeout") Duration timeout,
                             @ConfigProperty(name = "chatroi.whatsapp.app-secret") Optional<String> appSecret,
                             SimulatedSettings simulated, TwilioSettings twilio, Clock clock) {
        return switch (kind) {
            case "whatsapp-cloud" -> new WhatsAppCloudProvider(vertx, graphUrl, version,
                    phoneNumberId.orElseThrow(() -> new IllegalStateException("WHATSAPP_PHONE_NUMBER_ID is required")),
                    token.orElseThrow(() -> new IllegalStateException("WHATSAPP_ACCESS_TOKEN is required")), timeout);
            case "simulated" -> new SimulatedProvider(vertx,
                    appSecret.orElseThrow(() -> new IllegalStateException("WHATSAPP_APP_SECRET is required")),
                    simulated, clock);
            case "twilio" -> new TwilioProvider(vertx, twilio.apiUrl(),
                    twilio.accountSid().orElseThrow(() -> new IllegalStateException("TWILIO_ACCOUNT_SID is required")),
                    twilio.authToken().orElseThrow(() -> new IllegalStateException("TWILIO_AUTH_TOKEN is required")),
                    twilio.from().orElseThrow(() -> new IllegalStateException("TWILIO_FROM is required")),
                    twilio.callbackUrl(), twilio.contentSids(), timeout);
            default -> throw new IllegalStateException("CAMPAIGN_PROVIDER must be simulated, whatsapp-cloud or twilio,"
                    + " not " + kind);
        };
    }
}
