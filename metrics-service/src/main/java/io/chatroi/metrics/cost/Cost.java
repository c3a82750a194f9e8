package io.chatroi.metrics.cost;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored cost. */
public record Cost(UUID id, String category, String kind, BigDecimal amount, String currency, LocalDate periodStart,
                   LocalDate periodEnd, UUID campaignId, String owner, BigDecimal hours, BigDecimal hourlyRate,
                   String description, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, category, kind, amount, currency, period_start, period_end, campaign_id, owner,"
            + " hours, hourly_rate, description, created_at, updated_at";

    static Cost from(Row row) {
        return new Cost(row.getUUID("id"), row.getString("category"), row.getString("kind"),
                row.getBigDecimal("amount").setScale(2), row.getString("currency"), row.getLocalDate("period_start"),
                row.getLocalDate("period_end"), row.getUUID("campaign_id"), row.getString("owner"),
                row.getBigDecimal("hours"), row.getBigDecimal("hourly_rate"), row.getString("description"),
                SqlTimes.instant(row, "created_at"), SqlTimes.instant(row, "updated_at"));
    }
}
