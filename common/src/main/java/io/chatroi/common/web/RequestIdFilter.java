package io.chatroi.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: taken from the caller when it looks sane (1-128 characters of letters, digits, {@code .-_:}),
 * else generated; put in the logging MDC ({@code %X{requestId}} in the log format), kept on the request so a proxy
 * forwards it, and returned on the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before everything else of ours (higher priority runs first). */
    static final int PRIORITY = 2_000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static String accept(String presented) {
        return presented != null && SANE.matcher(presented).matches() ? presented : generate();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id only ties log lines together and guards
     * nothing, and {@link UUID#randomUUID()}'s shared SecureRandom showed in the gateway's CPU profile.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /**
     * Passes the request id of the request being served on to a call to a sibling service (beside the traceparent
     * ServerSpans adds), e.g. {@code RequestIdFilter.addTo(request::putHeader)}; nothing outside a
     * request (the callee then generates its own).
     */
    public static void addTo(java.util.function.BiConsumer<String, String> putHeader) {
        Object id = MDC.get(ChatRoiHeaders.REQUEST_ID_MDC);
        if (id != null && SANE.matcher(id.toString()).matches()) {
            putHeader.accept(ChatRoiHeaders.REQUEST_ID, id.toString());
        }
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(ChatRoiHeaders.REQUEST_ID));
            rc.request().headers().set(ChatRoiHeaders.REQUEST_ID, id);
            rc.put(ChatRoiHeaders.REQUEST_ID_MDC, id);
            MDC.put(ChatRoiHeaders.REQUEST_ID_MDC, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(ChatRoiHeaders.REQUEST_ID, id));
            rc.addEndHandler(v -> MDC.remove(ChatRoiHeaders.REQUEST_ID_MDC));
            rc.next();
        }, PRIORITY);
    }
}
