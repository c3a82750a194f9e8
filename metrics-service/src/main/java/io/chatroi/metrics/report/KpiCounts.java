package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The counts and amounts of one KPI row, summed from the snapshots of the range. */
@Schema(requiredProperties = {"sent", "delivered", "read", "failed", "replied", "reacted", "clicked", "optedOut", "received",
        "conversions", "recipients", "contactsAdded", "qualifiedLeads", "quotes", "orders", "revenue", "messageFees",
        "enteredCosts", "spend"})
public record KpiCounts(long sent, long delivered, long read, long failed, long replied,
                        @Schema(description = "sends that got a reaction (engagement, not a reply)") long reacted,
                        long clicked, long optedOut,
                        long received, long conversions, long recipients, long contactsAdded, long qualifiedLeads,
                        long quotes, long orders,
                        @Schema(description = "won deals' order amounts: " + Money.DESCRIPTION) BigDecimal revenue,
                        @Schema(description = "billable sends x message rate: " + Money.DESCRIPTION)
                        BigDecimal messageFees,
                        @Schema(description = "entered costs spread day by day: " + Money.DESCRIPTION)
                        BigDecimal enteredCosts,
                        @Schema(description = "messageFees + enteredCosts: " + Money.DESCRIPTION) BigDecimal spend) {

    /** A count or amount by its field name (trends ask for one by name), or null when there is no such field. */
    public Number get(String field) {
        return (Number) RecordFields.get(this, field);
    }
}
