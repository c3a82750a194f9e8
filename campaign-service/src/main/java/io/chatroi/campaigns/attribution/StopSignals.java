package io.chatroi.campaigns.attribution;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which inbound messages mean "stop marketing": a tapped button whose payload is a stop payload, or a message
 * that is nothing but a stop word. Used to credit the opt-out to the campaign send it answers; whether the contact
 * is opted out stays contacts-service's decision (it receives every inbound message).
 */
@ApplicationScoped
public class StopSignals {

    private final Set<String> payloads;
    private final Set<String> words;

    public StopSignals(@ConfigProperty(name = "chatroi.campaigns.stop-payloads") List<String> payloads,
                       @ConfigProperty(name = "chatroi.campaigns.stop-words") List<String> words) {
        this.payloads = normalise(payloads);
        this.words = normalise(words);
    }

    public boolean isStopPayload(String payload) {
        return payload != null && payloads.contains(payload.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isStop(String payload, String text) {
        return isStopPayload(payload) || (text != null && words.contains(text.trim().toUpperCase(Locale.ROOT)));
    }

    private static Set<String> normalise(List<String> values) {
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
