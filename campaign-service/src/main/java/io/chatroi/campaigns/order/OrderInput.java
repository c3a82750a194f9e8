package io.chatroi.campaigns.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order through the provider-neutral API. {@code phones} (or {@code phone}) are the buyer's, in any common
 * format (national ones read in {@code country}); {@code refunded} is the total refunded so far; {@code status}
 * defaults to paid when {@code paidAt} is given, else pending.
 */
public record OrderInput(String source, String externalId, String status, BigDecimal amount, BigDecimal refunded,
                         String currency, BigDecimal profit, String country, String phone, List<String> phones,
                         String landingSite, String landingSiteRef, Instant orderedAt, Instant paidAt,
                         Instant cancelledAt) {

    /** A bulk call: up to 1,000 orders. */
    public record Batch(List<OrderInput> items) {
    }

    /** What became of one order: its id and what it was credited to. */
    public record Result(String source, String externalId, String id, boolean created, String credit,
                         @Schema(nullable = true) String campaignId, @Schema(nullable = true) String variant) {
    }

    public record BatchResult(int received, int created, int updated, List<Result> items) {
    }
}
