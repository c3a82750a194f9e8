package io.chatroi.metrics.cost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chatroi.metrics.kpi.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cost entry. {@code kind} defaults from the category; for labour give {@code hours} and {@code hourlyRate} and
 * the amount is derived; {@code periodEnd} defaults to {@code periodStart}; {@code currency} to the workspace's.
 */
@Schema(requiredProperties = {"category", "periodStart"})
public record CostInput(@Schema(enumeration = {"software", "platform_fees", "accounts", "phone_numbers",
        "message_fees", "data", "ads", "labor", "learning", "opportunity"}) String category,
                        @Schema(enumeration = {"explicit", "hidden"}) String kind,
                        @Schema(description = "required unless hours and hourlyRate are given: " + Money.DESCRIPTION)
                        BigDecimal amount,
                        @Schema(description = "must be the workspace currency (the default)") String currency,
                        LocalDate periodStart, LocalDate periodEnd, UUID campaignId, String owner, BigDecimal hours,
                        @Schema(description = Money.DESCRIPTION) BigDecimal hourlyRate, String description) {
}
