package io.chatroi.metrics.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the per-message fee table: billable messages of a category to a calling code, from a date on. */
public record MessageRate(UUID id, String callingCode, String category, BigDecimal rate, String currency,
                          LocalDate effectiveFrom) {
}
