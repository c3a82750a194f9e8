package io.chatroi.metrics.report.funnel;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chatroi.metrics.kpi.KpiValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** One stage of the funnel: how many contacts of the cohort reached it, the step from the stage before, its KPIs. */
@Schema(requiredProperties = {"stage", "count", "conversionFromPrevious", "dropOff", "kpis"})
public record FunnelStage(
        Name stage, long count,
        @Schema(nullable = true, description = "count / the previous stage's count; null for reach, or when the"
                + " previous stage is empty") Double conversionFromPrevious,
        @Schema(nullable = true, description = "1 - conversionFromPrevious") Double dropOff,
        @Schema(description = "the stage's KPIs by catalogue id (reach: contactsAdded, acceptanceRate,"
                + " effectiveAddRate, highIntentSourceShare; interact: firstTouchWithin1hRate, firstResponseTime,"
                + " avgTurns, deepInteractionContacts, tagCoverage; convert: inquiryToQuoteRate, quoteToOrderRate,"
                + " profitMargin, avgDealCycleDays, averageOrderValue; retain: repurchaseRate, referrals,"
                + " activeCustomerRate, churnRate)") Map<String, KpiValue> kpis) {

    /** The four stages, in funnel order. */
    @Schema(name = "FunnelStageName")
    public enum Name {
        REACH, INTERACT, CONVERT, RETAIN;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }
}
