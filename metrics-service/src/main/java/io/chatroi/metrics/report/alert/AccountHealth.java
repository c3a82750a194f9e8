package io.chatroi.metrics.report.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alerts from the account-health events campaign-service keeps (template status, phone number quality, account
 * updates), newest first. Only each subject's latest event counts (a template that was paused and then approved
 * again is fine), and it fires when campaign-service rated it critical or warning. Plain rules, no I/O.
 */
public final class AccountHealth {

    /** How far back the alerts look for the latest state of each template, number and account. */
    public static final java.time.Duration LOOKBACK = java.time.Duration.ofDays(30);

    private AccountHealth() {
    }

    /** The firing alerts, or one ok check when none fires; {@code events} null means campaign-service did not answer. */
    public static List<Alert> alerts(JsonArray events) {
        if (events == null) {
            return List.of(new Alert("accountHealth", Alert.Status.UNKNOWN, Alert.Severity.CRITICAL,
                    "campaign-service did not answer, so template and account health are unknown", null));
        }
        Set<String> seen = new HashSet<>();
        List<Alert> alerts = new ArrayList<>();
        for (Object item : events) {
            if (!(item instanceof JsonObject e) || !seen.add(subject(e))) {
                continue;
            }
            String severity = e.getString("severity", "info");
            if ("critical".equals(severity) || "warning".equals(severity)) {
                alerts.add(new Alert("accountHealth:" + subject(e), Alert.Status.ALERT,
                        "critical".equals(severity) ? Alert.Severity.CRITICAL : Alert.Severity.WARNING,
                        message(e), null));
            }
        }
        return alerts.isEmpty() ? List.of(new Alert("accountHealth", Alert.Status.OK, Alert.Severity.CRITICAL,
                "no template, phone number or account problem reported by Meta in the last "
                        + LOOKBACK.toDays() + " days", null)) : alerts;
    }

    private static String subject(JsonObject e) {
        return switch (e.getString("field", "")) {
            case "message_template_status_update" -> "template:" + e.getString("templateName") + ":"
                    + e.getString("templateLanguage");
            case "phone_number_quality_update" -> "phone:" + e.getString("displayPhoneNumber");
            default -> "account:" + e.getString("wabaId");
        };
    }

    private static String message(JsonObject e) {
        String event = e.getString("event");
        String at = e.getString("at");
        return switch (e.getString("field", "")) {
            case "message_template_status_update" -> "template " + e.getString("templateName") + " ("
                    + e.getString("templateLanguage") + ") is " + event + " at Meta since " + at
                    + (e.getString("reason") == null ? "" : ": " + e.getString("reason"));
            case "phone_number_quality_update" -> "phone number " + e.getString("displayPhoneNumber") + ": " + event
                    + " at " + at + (e.getString("currentLimit") == null ? ""
                    : " (messaging limit " + e.getString("currentLimit") + ")");
            default -> "WhatsApp Business account update " + event + " at " + at
                    + (e.getString("violationType") == null ? "" : " (violation " + e.getString("violationType") + ")")
                    + (e.getString("banState") == null ? "" : " (ban state " + e.getString("banState") + ")");
        };
    }
}
