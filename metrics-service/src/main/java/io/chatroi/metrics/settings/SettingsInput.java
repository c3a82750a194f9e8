package io.chatroi.metrics.settings;

import java.math.BigDecimal;
import java.util.Map;

/** A settings change: fields left out (null) keep their current value. */
public record SettingsInput(String currency, String timeZone, BigDecimal valuePerLead, BigDecimal brandValueMonthly,
                            Integer attributionDays, Integer replyWindowDays, Integer repurchaseDays,
                            Integer activityDays, Map<String, Double> scorecardWeights) {
}
