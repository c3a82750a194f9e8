package io.chatroi.metrics.cost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chatroi.common.sql.SqlTimes;
import io.chatroi.metrics.kpi.Money;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored cost; the amount has its currency's scale (JPY 0 decimals). */
@Schema(requiredProperties = {"id", "category", "kind", "amount", "currency", "periodStart", "periodEnd",
        "campaignId", "owner", "hours", "hourlyRate", "description", "createdAt", "updatedAt"})
public record Cost(UUID id, @Schema(enumeration = {"software", "platform_fees", "accounts", "phone_numbers",
        "message_fees", "data", "ads", "labor", "learning", "opportunity"}) String category,
                   @Schema(enumeration = {"explicit", "hidden"}) String kind,
                   @Schema(description = Money.DESCRIPTION) BigDecimal amount, String currency, LocalDate periodStart,
                   LocalDate periodEnd,
                   @Schema(nullable = true) UUID campaignId, @Schema(nullable = true) String owner,
                   @Schema(nullable = true, description = "labour hours") BigDecimal hours,
                   @Schema(nullable = true, description = "labour rate per hour: " + Money.DESCRIPTION)
                   BigDecimal hourlyRate, @Schema(nullable = true) String description, Instant createdAt,
                   Instant updatedAt) {

    static Cost from(Row row) {
        return new Cost(row.getUUID("id"), row.getString("category"), row.getString("kind"),
                Money.round(row.getBigDecimal("amount"), Money.scale(row.getString("currency"))),
                row.getString("currency"), row.getLocalDate("period_start"),
                row.getLocalDate("period_end"), row.getUUID("campaign_id"), row.getString("owner"),
                row.getBigDecimal("hours"), row.getBigDecimal("hourly_rate"), row.getString("description"),
                SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "updated_at"));
    }
}
