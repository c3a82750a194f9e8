package io.chatroi.campaigns.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatroi.campaigns.health.HealthEvent;
import io.chatroi.campaigns.health.HealthRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The account-health changes of a delivery: every change whose {@code field} is message_template_status_update,
 * phone_number_quality_update or account_update, read leniently (ids as numbers or strings, optional parts absent).
 * The time is the entry's {@code time} (unix seconds), as these changes carry no timestamp of their own.
 */
final class HealthEvents {

    private static final Set<String> FIELDS = Set.of(HealthEvent.TEMPLATE_STATUS, HealthEvent.PHONE_QUALITY,
            HealthEvent.ACCOUNT);

    private HealthEvents() {
    }

    static List<HealthEvent> of(JsonNode root) {
        List<HealthEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String field = WebhookParser.text(change, "field");
                JsonNode value = change.path("value");
                if (field != null && FIELDS.contains(field) && value.isObject()) {
                    events.add(event(field, WebhookParser.text(entry, "id"), entry, value));
                }
            }
        }
        return events;
    }

    private static HealthEvent event(String field, String wabaId, JsonNode entry, JsonNode value) {
        String phone = WebhookParser.text(value, "display_phone_number");
        return new HealthEvent(field, WebhookParser.text(value, "event"), wabaId,
                WebhookParser.instant(entry.path("time")), WebhookParser.text(value, "message_template_id"),
                WebhookParser.text(value, "message_template_name"),
                WebhookParser.text(value, "message_template_language"),
                HealthRules.reason(WebhookParser.text(value, "reason")),
                phone != null ? phone : WebhookParser.text(value, "phone_number"),
                WebhookParser.text(value, "old_limit"), WebhookParser.text(value, "current_limit"),
                WebhookParser.text(value, "max_daily_conversations_per_business"),
                WebhookParser.text(value.path("violation_info"), "violation_type"),
                WebhookParser.text(value.path("ban_info"), "waba_ban_state"), value.toString());
    }
}
