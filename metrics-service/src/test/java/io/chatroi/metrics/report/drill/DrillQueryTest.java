package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.chatroi.metrics.report.funnel.FunnelStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DrillQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void withoutParametersTheLast30DaysFiftyAtATime() {
        DrillQuery q = DrillQuery.parse(new DrillQuery.Raw(null, null, " ", null, null, null, null, null), TODAY, false);
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(q.to()).isEqualTo(TODAY);
        assertThat(q.owner()).isNull();
        assertThat(q.limit()).isEqualTo(50);
        assertThat(q.stage()).isNull();
        assertThat(q.after()).isNull();
    }

    @Test
    void readsEveryValue() {
        UUID campaign = UUID.randomUUID();
        TimeIdCursor cursor = new TimeIdCursor(Instant.parse("2026-12-01T10:00:00Z"), UUID.randomUUID());
        DrillQuery q = DrillQuery.parse(new DrillQuery.Raw("2026-12-01", "2026-12-03", "Li Si", campaign.toString(),
                "B_2", "retain", "7", cursor.encode()), TODAY, true);
        assertThat(q).isEqualTo(new DrillQuery(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), "Li Si", campaign,
                "B_2", FunnelStage.Name.RETAIN, 7, cursor));
    }

    @Test
    void everyBadValueIsNamedInOne400() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> DrillQuery.parse(
                new DrillQuery.Raw("2026-02-30", null, null, "nope", "A B", "RETAIN", "x", "%%"), TODAY, true));
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("from", "campaignId", "variant", "stage", "limit", "after");
        ProblemException missing = catchThrowableOfType(ProblemException.class, () -> DrillQuery.parse(
                new DrillQuery.Raw(null, null, null, null, null, null, "501", null), TODAY, true));
        assertThat(missing.errors()).extracting(FieldError::field).containsExactly("stage", "limit");
        ProblemException lone = catchThrowableOfType(ProblemException.class, () -> DrillQuery.parse(
                new DrillQuery.Raw(null, null, null, null, "A", null, null, null), TODAY, false));
        assertThat(lone.errors()).extracting(FieldError::field).containsExactly("variant");
        assertThat(lone.errors().get(0).message()).contains("campaignId");
    }
}
