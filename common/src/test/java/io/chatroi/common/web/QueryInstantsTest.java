package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryInstantsTest {

    @Test
    void aRangeMayOmitEitherEndButItsFromMustComeBeforeItsTo() {
        assertThat(QueryInstants.range(null, "")).isEqualTo(new QueryInstants.Range(null, null));
        assertThat(QueryInstants.range("2026-11-22T10:00:00Z", null))
                .isEqualTo(new QueryInstants.Range(Instant.parse("2026-11-22T10:00:00Z"), null));
        assertThat(QueryInstants.range("2026-11-22T10:00:00Z", "2026-11-23T10:00:00Z").to())
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThatThrownBy(() -> QueryInstants.range("2026-11-22T10:00:00Z", "2026-11-22T10:00:00Z"))
                .isInstanceOf(ProblemException.class).hasMessage("from: must be before to");
        assertThatThrownBy(() -> QueryInstants.range("yesterday", null))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("from: must be an ISO-8601 UTC instant");
    }
}
