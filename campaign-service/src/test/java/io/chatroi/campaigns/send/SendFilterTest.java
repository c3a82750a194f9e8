package io.chatroi.campaigns.send;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendFilterTest {

    @Test
    void everyGivenFilterBecomesANumberedCondition() {
        SendFilter filter = SendFilter.parse("failed", "B", "failed", "131026", "provider_error");
        StringBuilder where = new StringBuilder(" WHERE s.campaign_id = $1");
        List<Object> params = new ArrayList<>(List.of(UUID.randomUUID()));
        filter.appendTo(where, params);
        assertThat(where.toString()).isEqualTo(" WHERE s.campaign_id = $1 AND s.status = $2 AND s.variant = $3"
                + " AND (s.status = 'failed' OR m.status = 'failed') AND coalesce(m.error_code, s.error_code) = $4"
                + " AND s.reason = $5");
        assertThat(params.subList(1, params.size())).containsExactly("failed", "B", 131026, "provider_error");
    }

    @Test
    void noFilterAddsNothing() {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        SendFilter.parse(null, null, null, null, null).appendTo(where, params);
        assertThat(where).isEmpty();
        assertThat(params).isEmpty();
    }

    @Test
    void stagesAreTheCountersNames() {
        assertThat(SendStage.ofKey("optedOut")).contains(SendStage.OPTED_OUT);
        assertThat(SendStage.ofKey("opted_out")).isEmpty();
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertThatThrownBy(() -> SendFilter.parse("lost", null, "seen", "13a", "x".repeat(201)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("status", "stage", "errorCode", "reason"));
    }
}
