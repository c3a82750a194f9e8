package io.chatroi.common.problem;

/** The problem types every ChatROI service answers with; {@code type} URIs are stable identifiers, not links. */
public enum ProblemType {
    VALIDATION(400, "Invalid request", "validation"),
    MALFORMED_BODY(400, "Malformed request body", "malformed-body"),
    UNAUTHORIZED(401, "Unauthorized", "unauthorized"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    UNPROCESSABLE(422, "Unprocessable request", "unprocessable"),
    RATE_LIMITED(429, "Too many requests", "rate-limited"),
    SERVICE_UNAVAILABLE(503, "Service unavailable", "service-unavailable"),
    GATEWAY_TIMEOUT(504, "Service did not answer in time", "gateway-timeout"),
    INTERNAL(500, "Internal server error", "internal");

    private static final String BASE = "https://chatroi.io/problems/";

    private final int status;
    private final String title;
    private final String slug;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE + slug;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
