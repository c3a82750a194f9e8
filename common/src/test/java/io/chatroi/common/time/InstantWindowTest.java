package io.chatroi.common.time;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.problem.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantWindowTest {

    private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void withoutFromTheWindowReachesThirtyDaysBack() {
        assertThat(InstantWindow.endingAt(null, END).from()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
        assertThat(InstantWindow.endingAt(END.minusSeconds(60), END).from()).isEqualTo(END.minusSeconds(60));
    }

    @Test
    void aWindowSpansAtMost366DaysAndIsNeverEmptyNorReversed() {
        assertThat(InstantWindow.endingAt(END.minus(Duration.ofDays(366)), END).isValid()).isTrue();
        assertThat(InstantWindow.endingAt(END.minus(Duration.ofDays(366)).minusMillis(1), END).isValid()).isFalse();
        assertThat(InstantWindow.endingAt(END, END).isValid()).isFalse();
        assertThat(InstantWindow.endingAt(END.plusSeconds(1), END).isValid()).isFalse();
    }

    @Test
    void aBadWindowIsAFieldErrorOnFrom() {
        Validator errors = new Validator();
        InstantWindow.endingAt(END, END).check(errors);
        assertThat(errors.errors()).extracting(FieldError::field).containsExactly("from");
        assertThatThrownBy(() -> InstantWindow.endingAt(END.plusSeconds(1), END).requireValid())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).containsExactly(new FieldError("from", InstantWindow.RULE));
                });
        assertThat(InstantWindow.endingAt(null, END).requireValid().to()).isEqualTo(END);
    }
}
