package io.chatroi.campaigns.provider;

import java.util.Set;

/**
 * A provider refused or failed a send. Retryable failures (throughput limits, 5xx, timeouts) are tried again later
 * with backoff; final ones fail the send, and 131050 (the user stopped marketing messages) also opts the contact out.
 */
public class ProviderException extends RuntimeException {

    static final Set<Integer> RETRYABLE_CODES = Set.of(130429, 80007, 131056);
    public static final int USER_STOPPED_MARKETING = 131050;

    private final Integer code;
    private final boolean retryable;

    public ProviderException(Integer code, String message, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
    }

    /** Classifies a Graph API error by HTTP status and error code (docs/whatsapp.md). */
    public static ProviderException of(int httpStatus, Integer code, String message) {
        boolean retryable = httpStatus >= 500 || httpStatus == 429 || (code != null && RETRYABLE_CODES.contains(code));
        return new ProviderException(code, message, retryable);
    }

    public Integer code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
