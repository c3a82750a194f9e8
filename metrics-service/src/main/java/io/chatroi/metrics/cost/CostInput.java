package io.chatroi.metrics.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cost entry. {@code kind} defaults from the category; for labour give {@code hours} and {@code hourlyRate} and
 * the amount is derived; {@code periodEnd} defaults to {@code periodStart}; {@code currency} to the workspace's.
 */
public record CostInput(String category, String kind, BigDecimal amount, String currency, LocalDate periodStart,
                        LocalDate periodEnd, UUID campaignId, String owner, BigDecimal hours, BigDecimal hourlyRate,
                        String description) {
}
