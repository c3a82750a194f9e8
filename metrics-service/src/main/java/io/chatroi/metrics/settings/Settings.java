package io.chatroi.metrics.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.kpi.Scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Workspace ROI settings: currency and time zone (a day is the workspace's day), value per qualified lead, a monthly
 * brand value estimate (prorated by day), attribution, reply, repurchase and activity windows, scorecard weights.
 */
@Schema(requiredProperties = {"currency", "timeZone", "valuePerLead", "brandValueMonthly", "attributionDays",
        "replyWindowDays", "repurchaseDays", "activityDays", "scorecardWeights", "updatedAt"})
public record Settings(@Schema(description = "ISO 4217 code of every amount") String currency,
                       @Schema(description = "IANA zone, e.g. Europe/Berlin") String timeZone,
                       @Schema(description = "per qualified lead: " + Money.DESCRIPTION) BigDecimal valuePerLead,
                       @Schema(description = "per month: " + Money.DESCRIPTION) BigDecimal brandValueMonthly,
                       int attributionDays, int replyWindowDays, int repurchaseDays, int activityDays,
                       Map<String, Double> scorecardWeights, Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Scorecard.Weights weights() {
        return Scorecard.Weights.of(scorecardWeights);
    }
}
