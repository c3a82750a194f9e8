package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlTimes;
import io.chatroi.metrics.kpi.Money;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal behind a scorecard count or an ROI value part, as metrics' copy of the facts knows it. */
@Schema(requiredProperties = {"dealId", "contactId", "owner", "campaignId", "stage", "inquiryAt", "quotedAt", "wonAt",
        "orderAmount", "profit", "value", "currency", "at"})
public record DealFact(UUID dealId, UUID contactId,
                       @Schema(nullable = true, description = "the deal's owner, else its contact's") String owner,
                       @Schema(nullable = true, description = "the campaign the deal names, if any") UUID campaignId,
                       @Schema(description = "inquiry, quoted, won or lost") String stage,
                       @Schema(nullable = true) Instant inquiryAt,
                       @Schema(nullable = true) Instant quotedAt,
                       @Schema(nullable = true) Instant wonAt,
                       @Schema(description = "the order amount, 0 when none was given: " + Money.DESCRIPTION)
                       BigDecimal orderAmount,
                       @Schema(nullable = true, description = Money.DESCRIPTION) BigDecimal profit,
                       @Schema(nullable = true, description = "what the deal adds to the money figure it is listed"
                               + " for (ROI direct and repeat: its profit, else its order amount; lead value: the"
                               + " value per lead; order amount: its order amount); null under a count. "
                               + Money.DESCRIPTION) BigDecimal value,
                       @Schema(nullable = true) String currency,
                       @Schema(description = "the instant that places the deal in the range: won (orders, repeat"
                               + " orders, direct sales), quoted (quotes) or inquiry (lead value)") Instant at) {

    static DealFact from(Row row) {
        return new DealFact(row.getUUID("id"), row.getUUID("contact_id"), row.getString("owner"),
                row.getUUID("campaign_id"), row.getString("stage"), SqlTimes.instant(row, "inquiry_at"),
                SqlTimes.instant(row, "quoted_at"), SqlTimes.instant(row, "won_at"), row.getBigDecimal("order_amount"),
                row.getBigDecimal("profit"), row.getBigDecimal("value"), row.getString("currency"),
                SqlTimes.instant(row, "at"));
    }
}
