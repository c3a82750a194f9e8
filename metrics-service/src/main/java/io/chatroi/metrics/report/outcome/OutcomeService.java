package io.chatroi.metrics.report.outcome;

import io.chatroi.common.paging.Page;
import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.web.QueryDates;
import io.chatroi.metrics.web.RangeParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/**
 * How conversations end (seed 003). Resolution times: from a conversation's first inbound message to its explicit
 * resolution or the deal won or lost in it, whichever comes first. Conversations left hanging now: the contact wrote last, more than the 24-hour customer-service window
 * ago, and nobody answered; only contacts that wrote within the activity window (settings) are follow-up work, older
 * silence is the churn KPI's business.
 */
@ApplicationScoped
public class OutcomeService {

    /** WhatsApp's customer-service window: after it, only a template may reopen the conversation. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final OutcomeRepository repository;
    private final SettingsService settings;
    private final Clock clock;

    public OutcomeService(OutcomeRepository repository, SettingsService settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<Page<HangingConversation>> hanging(String owner, String after, int limit) {
        TimeIdCursor cursor = after == null ? null : TimeIdCursor.decode(after);
        Instant now = clock.instant();
        return settings.get().chain(s -> repository.hangingPage(now.minus(s.activityDays(), ChronoUnit.DAYS),
                now.minus(WINDOW), owner, cursor, limit + 1)).map(rows -> {
            List<HangingConversation> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(HangingConversation.from(row));
            }
            return Page.of(items, limit, last -> new TimeIdCursor(last.lastInboundAt(), last.contactId()).encode());
        });
    }

    static final String RESOLUTION_BASIS = "a resolution is an explicit one (POST /api/v1/conversations/resolutions"
            + " in campaign-service) or a deal won or lost, while its contact's conversation is open (a message"
            + " within the 24 h before it); its time runs from that conversation's first inbound message (a"
            + " conversation: turns with no gap over 24 h); a conversation resolved twice counts once, at its first"
            + " resolution in the range; by the day of the resolution in the workspace time zone, and the deal's"
            + " owner (else the contact's)";

    /** from/to as the reports take them (workspace days, default the last 30). */
    /** How resolution times may be grouped: their facts know the owner and the day, nothing else. */
    public static final Set<GroupBy> GROUPS = EnumSet.of(GroupBy.NONE, GroupBy.OWNER, GroupBy.DAY, GroupBy.WEEK,
            GroupBy.MONTH);

    public Uni<ResolutionTimes> resolutionTimes(RangeParams query, GroupBy groupBy) {
        return settings.get().chain(s -> {
            QueryDates.Range range = query.range(LocalDate.ofInstant(clock.instant(), s.zone()));
            return repository.resolutionTimes(range.from().atStartOfDay(s.zone()).toInstant(),
                    range.to().plusDays(1).atStartOfDay(s.zone()).toInstant(), s.timeZone(), query.owner, groupBy)
                    .map(rows -> answer(range, groupBy, rows));
        });
    }

    private static ResolutionTimes answer(QueryDates.Range range, GroupBy groupBy, RowSet<Row> rows) {
        List<ResolutionTimes.Row> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(new ResolutionTimes.Row(row.getString("k"), row.getLong("resolutions"),
                    KpiCatalog.value("resolutionTime", seconds(row.getDouble("median_s"))),
                    KpiCatalog.value("resolutionTimeP90", seconds(row.getDouble("p90_s")))));
        }
        return new ResolutionTimes(range.from(), range.to(), groupBy.wire(), RESOLUTION_BASIS, out);
    }

    private static Double seconds(Double value) {
        return value == null ? null : KpiMath.round(value);
    }

    public Uni<HangingCounts> hangingByOwner(String owner) {
        Instant now = clock.instant();
        return settings.get().chain(s -> repository.hangingByOwner(now.minus(s.activityDays(), ChronoUnit.DAYS),
                now.minus(WINDOW), owner)).map(rows -> {
            List<HangingCounts.OwnerCount> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new HangingCounts.OwnerCount(row.getString("owner"), row.getLong("hanging")));
            }
            return new HangingCounts(now, (int) WINDOW.toHours(), items);
        });
    }
}
