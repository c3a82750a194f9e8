package io.chatroi.contacts.deal;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.contacts.contact.ContactRow;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A deal as the API returns it; amounts are decimals in {@code currency}. {@code origin} names the shop order a deal
 * was made from ({@code shopify:450789469}), null for deals entered by people or integrators.
 */
public record Deal(UUID id, UUID contactId, String stage, Instant inquiryAt, Instant quotedAt, BigDecimal quoteAmount,
                   Instant wonAt, Instant lostAt, BigDecimal orderAmount, BigDecimal profit, String currency,
                   UUID campaignId, String owner, Instant createdAt, Instant updatedAt, String origin) {

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
