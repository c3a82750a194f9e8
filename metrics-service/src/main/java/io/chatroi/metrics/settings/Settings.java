package io.chatroi.metrics.settings;

import io.chatroi.metrics.kpi.Scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Workspace ROI settings: currency and time zone (a day is the workspace's day), value per qualified lead, a monthly
 * brand value estimate (prorated by day), attribution, reply, repurchase and activity windows, scorecard weights.
 */
public record Settings(String currency, String timeZone, BigDecimal valuePerLead, BigDecimal brandValueMonthly,
                       int attributionDays, int replyWindowDays, int repurchaseDays, int activityDays,
                       Map<String, Double> scorecardWeights, Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Scorecard.Weights weights() {
        return Scorecard.Weights.of(scorecardWeights);
    }
}
