package io.chatroi.campaigns.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRulesTest {

    @Test
    void onlyAnApprovedOrUnreportedTemplateIsSendable() {
        assertThat(HealthRules.sendable(null)).isTrue();
        assertThat(HealthRules.sendable("APPROVED")).isTrue();
        for (String status : new String[]{"PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "ARCHIVED"}) {
            assertThat(HealthRules.sendable(status)).as(status).isFalse();
        }
    }

    @Test
    void pausedAndDisabledTemplatesStopTheirCampaigns() {
        assertThat(HealthRules.stopsCampaigns("PAUSED")).isTrue();
        assertThat(HealthRules.stopsCampaigns("disabled")).isTrue();
        assertThat(HealthRules.stopsCampaigns("REJECTED")).as("a rejected template never sent").isFalse();
        assertThat(HealthRules.stopsCampaigns(null)).isFalse();
    }

    @Test
    void severityFollowsWhatThreatensSending() {
        assertThat(HealthRules.severity(HealthEvent.TEMPLATE_STATUS, "PAUSED")).isEqualTo(HealthRules.Severity.CRITICAL);
        assertThat(HealthRules.severity(HealthEvent.TEMPLATE_STATUS, "REJECTED"))
                .isEqualTo(HealthRules.Severity.WARNING);
        assertThat(HealthRules.severity(HealthEvent.TEMPLATE_STATUS, "APPROVED")).isEqualTo(HealthRules.Severity.INFO);
        assertThat(HealthRules.severity(HealthEvent.PHONE_QUALITY, "FLAGGED")).isEqualTo(HealthRules.Severity.WARNING);
        assertThat(HealthRules.severity(HealthEvent.PHONE_QUALITY, "UPGRADE")).isEqualTo(HealthRules.Severity.INFO);
        assertThat(HealthRules.severity(HealthEvent.ACCOUNT, "DISABLED_UPDATE"))
                .isEqualTo(HealthRules.Severity.CRITICAL);
        assertThat(HealthRules.severity(HealthEvent.ACCOUNT, "PARTNER_ADDED")).isEqualTo(HealthRules.Severity.INFO);
        assertThat(HealthRules.severity(null, null)).isEqualTo(HealthRules.Severity.INFO);
    }

    @Test
    void metasNoneIsNoReason() {
        assertThat(HealthRules.reason("NONE")).isNull();
        assertThat(HealthRules.reason(" ")).isNull();
        assertThat(HealthRules.reason(" INVALID_FORMAT ")).isEqualTo("INVALID_FORMAT");
        assertThat(HealthRules.pauseReason("spring_sale", "en_US", "paused", null))
                .isEqualTo("template spring_sale (en_US) is PAUSED at Meta");
    }
}
