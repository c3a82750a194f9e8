package io.chatroi.campaigns.send;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentWithinTest {

    @Test
    void boundsAreHalfOpenOnTheSendsSentAtAndTheStageIsTheCountersTest() {
        SentWithin within = SentWithin.parse("2026-11-01T16:00:00Z", "2026-11-02T16:00:00Z", "delivered");
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        within.appendTo(where, params);
        assertThat(where.toString()).isEqualTo(" WHERE TRUE AND coalesce(s.sent_at, m.sent_at) >= $1"
                + " AND coalesce(s.sent_at, m.sent_at) < $2 AND m.delivered_at IS NOT NULL");
        assertThat(params).containsExactly(OffsetDateTime.of(2026, 11, 1, 16, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 2, 16, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aReplyWindowKeepsTheRepliesWithinThatManyDaysOfTheSendsSentAt() {
        SentWithin within = SentWithin.parse("2026-11-01T16:00:00Z", null, "replied", "7");
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        within.appendTo(where, params);
        assertThat(where.toString()).isEqualTo(" WHERE TRUE AND coalesce(s.sent_at, m.sent_at) >= $1"
                + " AND s.replied_at IS NOT NULL"
                + " AND s.replied_at <= coalesce(s.sent_at, m.sent_at) + make_interval(days => $2)");
        assertThat(params).containsExactly(OffsetDateTime.of(2026, 11, 1, 16, 0, 0, 0, ZoneOffset.UTC), 7);
        assertThatThrownBy(() -> SentWithin.parse(null, null, null, "0"))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("repliedWithinDays"));
    }

    @Test
    void everyBadParameterIsAFieldErrorOfOne400() {
        assertThatThrownBy(() -> SentWithin.parse("yesterday", "2026-11-01T00:00:00Z", "bounced"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("sentFrom", "stage");
                });
        assertThatThrownBy(() -> SentWithin.parse("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("sentTo"));
        assertThatThrownBy(() -> SentWithin.parse(null, "2026-11-01T00:00:00Z", null).requireBounds())
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("sentFrom"));
    }
}
