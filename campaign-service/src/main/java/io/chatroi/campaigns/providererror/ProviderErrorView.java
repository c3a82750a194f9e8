package io.chatroi.campaigns.providererror;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One error Meta reported, with the catalogue's explanation of its code. {@code scope}: account, value (beside
 * messages or statuses), status (a message that failed: {@code messageId}, {@code phone} the recipient) or message
 * (an inbound message: {@code phone} the sender).
 */
public record ProviderErrorView(UUID id, String scope, @Schema(nullable = true) Integer code, @Schema(nullable = true) String title, @Schema(nullable = true) String message, @Schema(nullable = true) String details,
                                @Schema(nullable = true) String messageId, @Schema(nullable = true) String phone, @Schema(nullable = true) Instant at, Instant receivedAt,
                                @Schema(nullable = true) ErrorCode explanation) {
}
