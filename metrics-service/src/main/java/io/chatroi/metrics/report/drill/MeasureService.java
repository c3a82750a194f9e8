package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.web.QueryDates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lists behind the scorecard's counts (one owner's week) and ROI's value parts (a range), read with the
 * recompute's own conditions, so right after a recompute each holds exactly the rows its number counts. A page when
 * {@code whole} is false, else the whole list (the CSV), with no cursor. Every bad parameter is named in one 400.
 */
@ApplicationScoped
public class MeasureService {

    private final MeasureRepository repository;
    private final SettingsService settings;
    private final Clock clock;

    public MeasureService(MeasureRepository repository, SettingsService settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** The scorecard's raw query: ISO week (default this week), owner (required), measure, page. */
    public record ScorecardRaw(String week, String owner, String measure, String limit, String after) {
    }

    public Uni<Page<ScorecardContact>> scorecardContacts(ScorecardRaw raw, boolean whole) {
        Instant now = clock.instant();
        return settings.get().chain(s -> {
            List<FieldError> errors = new ArrayList<>();
            ScorecardMeasure measure = ScorecardMeasure.parse(raw.measure(), true, errors);
            DrillQuery q = scorecardQuery(raw, LocalDate.ofInstant(now, s.zone()), errors);
            throwIfAny(errors);
            return repository.contacts(measure, q, s, whole ? null : q.limit() + 1)
                    .map(rows -> DrillService.page(rows, whole, q.limit(), ScorecardContact::from,
                            c -> new TimeIdCursor(c.at(), c.contactId())));
        });
    }

    public Uni<Page<DealFact>> scorecardDeals(ScorecardRaw raw, boolean whole) {
        Instant now = clock.instant();
        return settings.get().chain(s -> {
            List<FieldError> errors = new ArrayList<>();
            ScorecardMeasure measure = ScorecardMeasure.parse(raw.measure(), false, errors);
            DrillQuery q = scorecardQuery(raw, LocalDate.ofInstant(now, s.zone()), errors);
            throwIfAny(errors);
            return deals(measure.deals(), q, s, whole);
        });
    }

    /** The deals behind an ROI value part over the raw query's range (and owner, when it names one). */
    public Uni<Page<DealFact>> roiDeals(String part, DrillQuery.Raw raw, boolean whole) {
        Instant now = clock.instant();
        return settings.get().chain(s -> {
            List<FieldError> errors = new ArrayList<>();
            RoiPart parsed = RoiPart.parse(part, errors);
            DrillQuery q = DrillQuery.parse(raw, LocalDate.ofInstant(now, s.zone()), false, errors);
            throwIfAny(errors);
            return deals(parsed.deals(), q, s, whole);
        });
    }

    private Uni<Page<DealFact>> deals(DealList list, DrillQuery q, Settings s, boolean whole) {
        return repository.deals(list, q, s, whole ? null : q.limit() + 1).map(rows -> DrillService.page(rows, whole,
                q.limit(), DealFact::from, (Function<DealFact, TimeIdCursor>) d -> new TimeIdCursor(d.at(), d.dealId())));
    }

    /** The week as the query's days and the owner, required: a scorecard row is one owner's. */
    private static DrillQuery scorecardQuery(ScorecardRaw raw, LocalDate today, List<FieldError> errors) {
        String week = raw.week() == null || raw.week().isBlank() ? QueryDates.isoWeek(today) : raw.week();
        QueryDates.Range days = DrillQuery.attempt(errors, () -> QueryDates.week(week, "week"));
        if (raw.owner() == null || raw.owner().isBlank()) {
            errors.add(new FieldError("owner", "is required: a scorecard row is one owner's"));
        }
        DrillQuery.Raw query = new DrillQuery.Raw(days == null ? null : days.from().toString(),
                days == null ? null : days.to().toString(), raw.owner(), null, null, null, raw.limit(), raw.after());
        return DrillQuery.parse(query, today, false, errors);
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
