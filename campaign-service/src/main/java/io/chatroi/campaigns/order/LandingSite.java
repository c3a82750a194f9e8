package io.chatroi.campaigns.order;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a buyer's landing URL says about the campaign that brought them: the UTM parameters tracked links add
 * ({@code utm_campaign} is the campaign's name, {@code utm_content} the variant) and tracked-link codes, either a
 * {@code /r/{code}} path or a {@code ref}/{@code chatroi} parameter, or the landing_site_ref itself.
 */
public record LandingSite(String utmSource, String utmCampaign, String utmContent, List<String> codeCandidates) {

    public static LandingSite of(String landingSite, String landingSiteRef) {
        String source = parameter(landingSite, "utm_source").orElse(null);
        String campaign = parameter(landingSite, "utm_campaign").orElse(null);
        String content = parameter(landingSite, "utm_content").orElse(null);
        List<String> codes = new ArrayList<>();
        for (String url : new String[]{landingSite, landingSiteRef}) {
            parameter(url, "ref").ifPresent(codes::add);
            parameter(url, "chatroi").ifPresent(codes::add);
            pathCode(url).ifPresent(codes::add);
        }
        if (landingSiteRef != null && landingSiteRef.matches("[A-Za-z0-9_-]{20,64}")) {
            codes.add(landingSiteRef);
        }
        return new LandingSite(source, campaign, content, codes);
    }

    /** A campaign name from our own links: utm_source must be whatsapp when it is given at all. */
    public Optional<String> campaignName() {
        if (utmCampaign == null || utmCampaign.isBlank()
                || (utmSource != null && !"whatsapp".equalsIgnoreCase(utmSource))) {
            return Optional.empty();
        }
        return Optional.of(utmCampaign);
    }

    private static Optional<String> pathCode(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int at = url.indexOf("/r/");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = url.substring(at + 3);
        int end = rest.length();
        for (char stop : new char[]{'/', '?', '#'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end == 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }

    static Optional<String> parameter(String url, String name) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String query;
        try {
            query = URI.create(url.strip().replace(" ", "%20")).getRawQuery();
        } catch (IllegalArgumentException e) {
            int q = url.indexOf('?');
            query = q < 0 ? null : url.substring(q + 1).split("#", 2)[0];
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name) && eq >= 0) {
                try {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    return value.isBlank() ? Optional.empty() : Optional.of(value);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
