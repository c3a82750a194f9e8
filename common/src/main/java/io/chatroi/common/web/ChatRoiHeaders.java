package io.chatroi.common.web;

/**
 * Headers the gateway and the services agree on. The identity headers are set only by the gateway (it strips them
 * from public requests) and are trusted by a service only together with the internal token.
 */
public final class ChatRoiHeaders {

    /** Correlates one request across the gateway and the services; accepted from callers or generated. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The shared secret that proves a request to a service's /api/** comes from the gateway (or a sibling). */
    public static final String INTERNAL_TOKEN = "X-ChatROI-Internal-Token";
    /** The id of the API key that made the request. */
    public static final String KEY_ID = "X-ChatROI-Key-Id";
    /** The role of that key: admin, manager, agent, integrator or viewer. */
    public static final String ROLE = "X-ChatROI-Role";
    /** For agents: the owner (salesperson) name whose contacts and deals the caller may see. */
    public static final String OWNER = "X-ChatROI-Owner";

    /** The MDC key (and log format variable {@code %X{requestId}}) of the request id. */
    public static final String REQUEST_ID_MDC = "requestId";

    private ChatRoiHeaders() {
    }
}
