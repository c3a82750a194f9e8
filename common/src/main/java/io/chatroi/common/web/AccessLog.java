package io.chatroi.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One line per request ({@code CHATROI_ACCESS_LOG=true}): method, path without the query (a query may carry a
 * token), status and milliseconds until the response head. Written when the head goes out, while the request's span
 * is still current, so the line carries the trace id and span id beside the request id (Quarkus' own access log
 * loses them for reactive endpoints and Vert.x routes: the span's log context is cleared before it writes).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.chatroi.access");
    /** Right after the request id filter, so the id is in the log context. */
    static final int PRIORITY = RequestIdFilter.PRIORITY - 10;

    private final boolean enabled;

    public AccessLog(@ConfigProperty(name = "chatroi.access-log", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            return;
        }
        filters.register(rc -> {
            long started = System.nanoTime();
            String method = rc.request().method().name();
            String path = rc.request().path();
            rc.addHeadersEndHandler(v -> LOG.infof("%s %s %d %d ms", method, path, rc.response().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000));
            rc.next();
        }, PRIORITY);
    }
}
