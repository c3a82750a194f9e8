package io.chatroi.metrics.cost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chatroi.metrics.kpi.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the per-message fee table: billable messages of a category to a calling code, from a date on. */
@Schema(requiredProperties = {"callingCode", "category", "rate", "effectiveFrom"})
public record MessageRate(@Schema(description = "set by the service; ignored in a request") UUID id,
                          @Schema(pattern = "^[0-9]{1,3}$", description = "calling code without '+', e.g. 49")
                          String callingCode,
                          @Schema(enumeration = {"marketing", "utility", "authentication"}) String category,
                          @Schema(description = "per billable message: " + Money.DESCRIPTION) BigDecimal rate,
                          @Schema(description = "the workspace currency (the default)") String currency,
                          LocalDate effectiveFrom) {
}
