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
    }

    @Test
    void everythingElseIsGuardedWhateverItsSpelling() {
        assertThat(check.allows("/apix", null)).isFalse();
        assertThat(check.allows("/api;x/v1/contacts", null)).isFalse();
        assertThat(check.allows("/", null)).isFalse();
        assertThat(check.allows(null, null)).isFalse();
    }

    @Test
    void pathsWhoseRoutingDiffersFromTheirSpellingAreRefused() {
        assertThat(PathHygiene.problem("/api/v1/contacts/1b4e28ba-2fa1-11d2-883f-0016d3cca427")).isNull();
        assertThat(PathHygiene.problem("/q/swagger-ui/")).isNull();
        assertThat(PathHygiene.problem("/r/AbC-_9")).isNull();
        assertThat(PathHygiene.problem("/api;x/v1/api-keys")).contains(";");
        assertThat(PathHygiene.problem("/api/v1/contacts/export;x")).contains(";");
        assertThat(PathHygiene.problem("//api/v1/api-keys")).contains("//");
        assertThat(PathHygiene.problem("/api/v1/contacts%2Fexport")).contains("%2f");
        assertThat(PathHygiene.problem("/api/v1/contacts%5cexport")).contains("%5c");
        assertThat(PathHygiene.problem("/api/v1/scorecards/")).contains("end with /");
        assertThat(PathHygiene.problem("api/v1")).isNotNull();
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
