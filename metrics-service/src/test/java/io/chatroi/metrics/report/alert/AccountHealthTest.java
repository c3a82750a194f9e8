package io.chatroi.metrics.report.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountHealthTest {

    private static JsonObject event(String field, String event, String severity) {
        return new JsonObject().put("field", field).put("event", event).put("severity", severity)
                .put("at", "2026-11-30T08:00:00Z").put("templateName", "spring_sale").put("templateLanguage", "en_US")
                .put("displayPhoneNumber", "15550783881").put("wabaId", "102290129340398");
    }

    @Test
    void onlyEachSubjectsLatestEventCounts() {
        // newest first: the template was approved again after it was paused
        List<Alert> alerts = AccountHealth.alerts(new JsonArray()
                .add(event("message_template_status_update", "APPROVED", "info"))
                .add(event("message_template_status_update", "PAUSED", "critical")));
        assertThat(alerts).extracting(Alert::id).containsExactly("accountHealth");
        assertThat(alerts.get(0).status()).isEqualTo(Alert.Status.OK);
    }

    @Test
    void criticalAndWarningEventsFireWithTheirSeverity() {
        List<Alert> alerts = AccountHealth.alerts(new JsonArray()
                .add(event("account_update", "ACCOUNT_VIOLATION", "critical").put("violationType", "SCAM"))
                .add(event("phone_number_quality_update", "DOWNGRADE", "warning").put("currentLimit", "TIER_2K")));
        assertThat(alerts).extracting(Alert::id)
                .containsExactly("accountHealth:account:102290129340398", "accountHealth:phone:15550783881");
        assertThat(alerts).extracting(Alert::severity)
                .containsExactly(Alert.Severity.CRITICAL, Alert.Severity.WARNING);
        assertThat(alerts.get(0).message()).contains("ACCOUNT_VIOLATION").contains("SCAM");
        assertThat(alerts.get(1).message()).contains("TIER_2K");
    }

    @Test
    void noAnswerFromCampaignServiceIsUnknown() {
        assertThat(AccountHealth.alerts(null)).extracting(Alert::status).containsExactly(Alert.Status.UNKNOWN);
    }
}
