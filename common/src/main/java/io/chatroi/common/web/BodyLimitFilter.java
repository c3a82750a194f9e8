package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemType;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Body limits per route, so no request buffers more than its route needs: JSON bodies are small
 * ({@code chatroi.body-limit.json}, default 1 MiB), while bulk routes (CSV import, bulk interactions and receipts,
 * webhooks) may send up to {@code chatroi.body-limit.bulk} (default 64 MiB). A declared length over the limit is a
 * 413 before any byte is read; a chunked body (no declared length) is cut at its route's limit while it is read.
 */
@ApplicationScoped
public class BodyLimitFilter {

    static final int PRIORITY = QueryBoundaryFilter.PRIORITY - 5;
    /**
     * Runs after Quarkus' own upload-limit route (order -2; a filter's order is minus its priority), which gives a
     * chunked request the global {@code max-body-size}: this one narrows that to the route's limit.
     */
    static final int CHUNKED_PRIORITY = 1;
    /** Where Quarkus' request input stream looks up how many bytes a body without a length may have. */
    private static final String MAX_REQUEST_SIZE = VertxHttpRecorder.MAX_REQUEST_SIZE_KEY;
    private static final java.util.List<String> BULK = java.util.List.of("/api/v1/contacts/import",
            "/api/v1/interactions", "/api/v1/receipts", "/webhooks/");

    private final long jsonLimit;
    private final long bulkLimit;

    public BodyLimitFilter(@ConfigProperty(name = "chatroi.body-limit.json", defaultValue = "1048576") long jsonLimit,
                           @ConfigProperty(name = "chatroi.body-limit.bulk", defaultValue = "67108864") long bulkLimit) {
        this.jsonLimit = jsonLimit;
        this.bulkLimit = bulkLimit;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            long limit = limitFor(rc.request().path());
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit) {
                ProblemResponses.send(rc, 413, ProblemType.forStatus(413), "the body is " + length
                        + " bytes; this route takes at most " + limit, Map.of("Connection", "close"));
            } else {
                rc.next();
            }
        }, PRIORITY);
        filters.register(rc -> {
            if (rc.request().getHeader("Content-Length") == null) {
                rc.put(MAX_REQUEST_SIZE, limitFor(rc.request().path()));
            }
            rc.next();
        }, CHUNKED_PRIORITY);
    }

    /** The most a request to this path may send; the gateway cuts the chunked bodies it forwards at the same limit. */
    public long limitFor(String path) {
        for (String bulk : BULK) {
            if (path != null && path.startsWith(bulk)) {
                return bulkLimit;
            }
        }
        return jsonLimit;
    }
}
