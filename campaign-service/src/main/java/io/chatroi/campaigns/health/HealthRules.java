package io.chatroi.campaigns.health;

import java.util.Locale;
import java.util.Set;

/**
 * What an account-health event means, as plain rules: how serious it is (what the alerts fire on), which template
 * statuses allow sending, and which ones stop a campaign that is sending.
 */
public final class HealthRules {

    /** Template statuses under which Meta refuses sends. REJECTED and PENDING templates were never sendable. */
    private static final Set<String> STOPS_SENDING = Set.of("PAUSED", "DISABLED");
    /** Quality and account events that threaten sending: a flagged or downgraded number, a violation or a ban. */
    private static final Set<String> CRITICAL_ACCOUNT = Set.of("DISABLED_UPDATE", "ACCOUNT_RESTRICTION",
            "ACCOUNT_VIOLATION", "ACCOUNT_DELETED", "ACCOUNT_OFFBOARDED");
    private static final Set<String> WARNING_QUALITY = Set.of("FLAGGED", "DOWNGRADE");

    public enum Severity {
        INFO, WARNING, CRITICAL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private HealthRules() {
    }

    /** A template may be sent when Meta approved it, or has not reported on it (registered once approved). */
    public static boolean sendable(String templateStatus) {
        return templateStatus == null || "APPROVED".equals(upper(templateStatus));
    }

    /** A sending campaign on a template with this status pauses itself. */
    public static boolean stopsCampaigns(String templateStatus) {
        return STOPS_SENDING.contains(upper(templateStatus));
    }

    public static Severity severity(String field, String event) {
        String e = upper(event);
        return switch (field == null ? "" : field) {
            case HealthEvent.TEMPLATE_STATUS -> STOPS_SENDING.contains(e) ? Severity.CRITICAL
                    : "REJECTED".equals(e) ? Severity.WARNING : Severity.INFO;
            case HealthEvent.PHONE_QUALITY -> WARNING_QUALITY.contains(e) ? Severity.WARNING : Severity.INFO;
            case HealthEvent.ACCOUNT -> CRITICAL_ACCOUNT.contains(e) ? Severity.CRITICAL : Severity.INFO;
            default -> Severity.INFO;
        };
    }

    /** Why a campaign paused itself, as the campaign shows it. */
    public static String pauseReason(String templateName, String language, String status, String reason) {
        return "template " + templateName + " (" + language + ") is " + upper(status) + " at Meta"
                + (reason == null ? "" : ": " + reason);
    }

    /** Meta writes "NONE" when there is no reason. */
    public static String reason(String value) {
        return value == null || value.isBlank() || "NONE".equalsIgnoreCase(value.trim()) ? null : value.trim();
    }

    private static String upper(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
