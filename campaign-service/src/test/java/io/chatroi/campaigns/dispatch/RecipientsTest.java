package io.chatroi.campaigns.dispatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest {

    @Test
    void aPhoneAlwaysGoesABsuidOnlyWhereTheProviderAndTheTemplateAllowIt() {
        assertThat(Recipients.skipReason("+16505551234", null, "authentication", false)).isNull();
        assertThat(Recipients.skipReason(null, "US.13491208655302741918", "marketing", true)).isNull();
        assertThat(Recipients.skipReason(null, "US.13491208655302741918", "marketing", false))
                .isEqualTo(Recipients.PROVIDER_NEEDS_PHONE);
        assertThat(Recipients.skipReason(null, "US.13491208655302741918", "authentication", true))
                .isEqualTo(Recipients.AUTHENTICATION_NEEDS_PHONE);
        assertThat(Recipients.skipReason(null, null, "utility", true)).isEqualTo(Recipients.NO_ADDRESS);
    }
}
