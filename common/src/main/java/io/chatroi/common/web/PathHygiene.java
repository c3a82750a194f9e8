package io.chatroi.common.web;

import java.util.Locale;

/**
 * Paths whose meaning differs between string checks and routing are refused before anything looks at them. Quarkus
 * REST strips matrix parameters ({@code /api;x/v1}) and drops empty segments ({@code //api}) before matching, and
 * an encoded slash or backslash splits a segment late, so a permission, isolation or token check on the raw path
 * could be walked around while the request still reaches the resource. ChatROI uses none of these forms.
 */
public final class PathHygiene {

    private static final String[] REFUSED = {";", "//", "%2f", "%5c", "\\", "%00"};

    private PathHygiene() {
    }

    /** Why a raw request path is refused, or null when it is fine. */
    public static String problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "the path must start with /";
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String refused : REFUSED) {
            if (lower.contains(refused)) {
                return "the path may not contain " + refused;
            }
        }
        if ((lower.startsWith("/api/") || lower.startsWith("/api;")) && lower.endsWith("/")) {
            return "API paths do not end with /";
        }
        return null;
    }
}
