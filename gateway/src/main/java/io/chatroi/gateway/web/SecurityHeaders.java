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

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            boolean ui = rc.normalizedPath().startsWith("/q/swagger-ui");
            boolean https = "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"))
                    || rc.request().isSSL();
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (!ui) {
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
