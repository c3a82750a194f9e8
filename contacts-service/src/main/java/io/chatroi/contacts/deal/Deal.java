package io.chatroi.contacts.deal;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.contact.ContactRow;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal as the API returns it; amounts are decimals in {@code currency}. {@code origin} names the shop order a deal
 * was made from ({@code shopify:450789469}), null for deals entered by people or integrators.
 */
public record Deal(
        UUID id,
        UUID contactId,
        @Schema(enumeration = {"inquiry", "quoted", "won", "lost"}) String stage,
        @Schema(nullable = true) Instant inquiryAt,
        @Schema(nullable = true) Instant quotedAt,
        @Schema(nullable = true) BigDecimal quoteAmount,
        @Schema(nullable = true) Instant wonAt,
        @Schema(nullable = true) Instant lostAt,
        @Schema(nullable = true) BigDecimal orderAmount,
        @Schema(nullable = true) BigDecimal profit,
        @Schema(nullable = true) String currency,
        @Schema(nullable = true) UUID campaignId,
        @Schema(nullable = true) String owner,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, description = "the shop order the deal was made from, e.g. shopify:450789469")
        String origin) {

    static Deal from(Row row) {
        return new Deal(row.getUUID("id"), row.getUUID("contact_id"), row.getString("stage"),
                SqlTimes.instant(row, "inquiry_at"), SqlTimes.instant(row, "quoted_at"),
                row.getBigDecimal("quote_amount"), SqlTimes.instant(row, "won_at"),
                SqlTimes.instant(row, "lost_at"), row.getBigDecimal("order_amount"), row.getBigDecimal("profit"),
                row.getString("currency"), row.getUUID("campaign_id"), row.getString("owner"),
                SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "updated_at"),
                row.getString("origin"));
    }

    DealState state() {
        return new DealState(DealStage.fromWire(stage), inquiryAt, quotedAt, quoteAmount, wonAt, lostAt, orderAmount,
                profit, currency);
    }
}
