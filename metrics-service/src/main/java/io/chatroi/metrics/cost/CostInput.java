package io.chatroi.metrics.cost;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.input.TextRules;
import io.chatroi.metrics.kpi.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
                        @Schema(maximum = MoneyRules.MAXIMUM,
                                description = "required unless hours and hourlyRate are given: " + Money.DESCRIPTION)
                        BigDecimal amount,
                        @Schema(description = "must be the workspace currency (the default)") String currency,
                        LocalDate periodStart, LocalDate periodEnd, UUID campaignId,
                        @Schema(maxLength = TextRules.MAX_OWNER, pattern = TextRules.OWNER_PATTERN) String owner,
                        @Schema(maximum = "9999999999.99") BigDecimal hours,
                        @Schema(maximum = MoneyRules.MAXIMUM, description = Money.DESCRIPTION) BigDecimal hourlyRate,
                        @Schema(maxLength = 2000) String description) {
}
