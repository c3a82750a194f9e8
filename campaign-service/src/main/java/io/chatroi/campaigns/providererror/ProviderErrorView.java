package io.chatroi.campaigns.providererror;

import java.time.Instant;
import java.util.UUID;

/**
 * One error Meta reported, with the catalogue's explanation of its code. {@code scope}: account, value (beside
 * messages or statuses), status (a message that failed: {@code messageId}, {@code phone} the recipient) or message
 * (an inbound message: {@code phone} the sender).
 */
public record ProviderErrorView(UUID id, String scope, Integer code, String title, String message, String details,
                                String messageId, String phone, Instant at, Instant receivedAt,
                                ErrorCode explanation) {
}
