package io.chatroi.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every gateway response, the proxied ones included (set when the headers are written, so
 * they win over whatever a service sent). Swagger UI keeps the right to run its scripts.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * The dashboard runs only its own bundled scripts and calls only this origin. Inline styles are allowed
     * because the chart library positions its tooltips with style attributes.
     */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            boolean ui = path.startsWith("/q/swagger-ui");
            boolean dashboard = path.startsWith("/app/") || path.equals("/index.html");
            boolean https = "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"))
                    || rc.request().isSSL();
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (dashboard) {
                    headers.set("Content-Security-Policy", DASHBOARD_POLICY);
                } else if (!ui) {
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                }
                if (https) {
                    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            });
            rc.next();
        }, 1_800);
    }
}
