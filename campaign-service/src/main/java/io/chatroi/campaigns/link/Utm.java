package io.chatroi.campaigns.link;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds the campaign's UTM parameters to a link, keeping its own query and fragment; utm values it has win. */
public final class Utm {

    private Utm() {
    }

    public static String tag(String url, String campaign, String variant) {
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", "whatsapp");
        utm.put("utm_medium", "message");
        utm.put("utm_campaign", campaign);
        utm.put("utm_content", variant);
        URI uri = URI.create(url);
        String query = uri.getRawQuery();
        StringBuilder added = new StringBuilder();
        utm.forEach((name, value) -> {
            if (value != null && !hasParameter(query, name)) {
                added.append(added.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String fragment = uri.getRawFragment();
        String withoutFragment = fragment == null ? url : url.substring(0, url.length() - fragment.length() - 1);
        if (added.length() == 0) {
            return url;
        }
        String separator = query == null ? (withoutFragment.endsWith("?") ? "" : "?") : "&";
        return withoutFragment + separator + added + (fragment == null ? "" : "#" + fragment);
    }

    private static boolean hasParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }
}
