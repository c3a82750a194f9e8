package io.chatroi.common.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows a list query to one owner, for agent keys: every {@code owner} and {@code owners} parameter the caller
 * sent (however its name is percent-encoded) is dropped and {@code param=owner} is appended. The gateway does it
 * before forwarding and contacts-service again on arrival, so both must read a query the same way.
 */
public final class OwnerQuery {

    private static final Set<String> OWNER_NAMES = Set.of("owner", "owners");

    private OwnerQuery() {
    }

    /** {@code rawQuery} (may be null) with its owner filters replaced by {@code param=owner}. */
    public static String narrow(String rawQuery, String param, String owner) {
        String kept = rawQuery == null ? "" : Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty() && !OWNER_NAMES.contains(name(pair)))
                .collect(Collectors.joining("&"));
        String own = param + "=" + URLEncoder.encode(owner, StandardCharsets.UTF_8).replace("+", "%20");
        return kept.isEmpty() ? own : kept + "&" + own;
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        try {
            return URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return pair;
        }
    }
}
