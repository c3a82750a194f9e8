package io.chatroi.common.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InternalTokenCheckTest {

    private final InternalTokenCheck check = new InternalTokenCheck(Optional.of("s3cret"));

    @Test
    void apiPathsNeedTheToken() {
        assertThat(check.allows("/api/v1/contacts", "s3cret")).isTrue();
        assertThat(check.allows("/api/v1/contacts", null)).isFalse();
        assertThat(check.allows("/api/v1/contacts", "s3cret ")).isFalse();
        assertThat(check.allows("/api", "wrong")).isFalse();
    }

    @Test
    void otherPathsStayOpen() {
        assertThat(check.allows("/q/health/ready", null)).isTrue();
        assertThat(check.allows("/webhooks/whatsapp", null)).isTrue();
        assertThat(check.allows("/r/abc", null)).isTrue();
        assertThat(check.allows("/apix", null)).isTrue();
    }

    @Test
    void withoutATokenTheCheckIsOff() {
        InternalTokenCheck off = new InternalTokenCheck(Optional.of("  "));
        assertThat(off.enabled()).isFalse();
        assertThat(off.allows("/api/v1/contacts", null)).isTrue();
        assertThat(new InternalTokenCheck(Optional.empty()).enabled()).isFalse();
    }

    @Test
    void requestIdsAreKeptWhenSaneElseGenerated() {
        assertThat(RequestIdFilter.accept("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIdFilter.accept("bad id\nwith newline")).hasSize(36);
        assertThat(RequestIdFilter.accept(null)).hasSize(36);
        assertThat(RequestIdFilter.accept("x".repeat(129))).hasSize(36);
    }
}
