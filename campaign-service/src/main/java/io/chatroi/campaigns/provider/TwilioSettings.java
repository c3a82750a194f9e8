package io.chatroi.campaigns.provider;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's settings: credentials, API base URL, the sender, where status callbacks go (the public URL + /webhooks/twilio,
 * which is also the URL X-Twilio-Signature is computed over) and the Content API sid of each template
 * ({@code TWILIO_CONTENT_SIDS=spring_sale=HX...,welcome=HX...}).
 */
@ApplicationScoped
public class TwilioSettings {

    private final Optional<String> accountSid;
    private final Optional<String> authToken;
    private final String apiUrl;
    private final Optional<String> from;
    private final String publicUrl;
    private final Map<String, String> contentSids;

    public TwilioSettings(@ConfigProperty(name = "chatroi.twilio.account-sid") Optional<String> accountSid,
                          @ConfigProperty(name = "chatroi.twilio.auth-token") Optional<String> authToken,
                          @ConfigProperty(name = "chatroi.twilio.api-url") String apiUrl,
                          @ConfigProperty(name = "chatroi.twilio.from") Optional<String> from,
                          @ConfigProperty(name = "chatroi.links.public-url") String publicUrl,
                          @ConfigProperty(name = "chatroi.twilio.content-sids") Optional<String> contentSids) {
        this.accountSid = accountSid.filter(s -> !s.isBlank());
        this.authToken = authToken.filter(s -> !s.isBlank());
        this.apiUrl = apiUrl;
        this.from = from.filter(s -> !s.isBlank());
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.contentSids = parse(contentSids.orElse(""));
    }

    static Map<String, String> parse(String value) {
        Map<String, String> sids = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                sids.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return Map.copyOf(sids);
    }

    public Optional<String> accountSid() {
        return accountSid;
    }

    public Optional<String> authToken() {
        return authToken;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public Optional<String> from() {
        return from;
    }

    /** The public URL Twilio posts to and signs: behind the ingress it is ours, not the pod's address. */
    public String callbackUrl() {
        return publicUrl + "/webhooks/twilio";
    }

    public Map<String, String> contentSids() {
        return contentSids;
    }
}
