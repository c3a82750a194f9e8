package io.chatroi.gateway.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard lives at {@code /app/}: its page is the index.html the Web Bundler renders at build time (from
 * {@code src/main/resources/web}), its scripts under {@code /app/bundle/}. Pages are addressed after a {@code #},
 * so {@code /app/} is the only document; {@code /} and {@code /app} lead there.
 */
@ApplicationScoped
public class DashboardRoutes {

    public static final String ROOT = "/app/";

    void mount(@Observes Router router) {
        // Vert.x lets "/app" match "/app/" too: the path decides, so /app/ is not redirected to itself
        router.getWithRegex("/|/app|/app/").handler(rc -> {
            if (!rc.normalizedPath().equals(ROOT)) {
                rc.redirect(ROOT);
                return;
            }
            rc.response().putHeader("Cache-Control", "no-cache");
            rc.reroute("/index.html");
        });
    }
}
