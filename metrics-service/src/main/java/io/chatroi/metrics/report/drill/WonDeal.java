package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.metrics.kpi.Money;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal won in the range, in the workspace currency (or none): one of the orders whose amounts are the revenue. */
@Schema(requiredProperties = {"dealId", "contactId", "owner", "campaignId", "wonAt", "orderAmount", "currency"})
public record WonDeal(UUID dealId, UUID contactId,
                      @Schema(nullable = true, description = "the deal's owner, else its contact's") String owner,
                      @Schema(nullable = true, description = "the campaign the deal names, if any") UUID campaignId,
                      Instant wonAt,
                      @Schema(description = "the order amount, 0 when none was given: " + Money.DESCRIPTION)
                      BigDecimal orderAmount,
                      @Schema(nullable = true) String currency) {

    static WonDeal from(Row row) {
        return new WonDeal(row.getUUID("id"), row.getUUID("contact_id"), row.getString("owner"),
                row.getUUID("campaign_id"), SqlTimes.instant(row, "won_at"), row.getBigDecimal("order_amount"),
                row.getString("currency"));
    }
}
