package io.chatroi.metrics.report.funnel;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.report.KpiPart;
import io.chatroi.metrics.report.KpiRow;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.RangeRepository;
import io.chatroi.metrics.report.RowKpis;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chatroi.metrics.report.Sums.count;

/**
 * The funnel reach -> interact -> convert -> retain of the contacts added in the range (a cohort), with each stage's
 * KPIs from the range's KPI row; activeCustomerRate and churnRate are the state of all customers (and, for churn,
 * deep-interaction contacts) at the range's end, so a past range reports its own end and not today.
 */
@ApplicationScoped
public class FunnelService {

    static final String BASIS = "contacts added in the range (cohort): reach = added, interact = accepted and wrote"
            + " since, convert = won a deal, retain = won twice within the repurchase window;"
            + " activeCustomerRate and churnRate are the state of all customers at the range's end (now, for a range"
            + " that reaches today)";

    private final KpiService kpis;
    private final RangeRepository ranges;
    private final Clock clock;

    public FunnelService(KpiService kpis, RangeRepository ranges, Clock clock) {
        this.kpis = kpis;
        this.ranges = ranges;
        this.clock = clock;
    }

    /** What the stage KPIs need besides the KPI row: deep-interaction contacts and retention at the range's end. */
    private record Extra(KpiRow total, long deep, long customers, long active, long retainable, long churned) {
    }

    public Uni<Funnel> funnel(KpiService.Filter f, Settings s) {
        // the range's KPI sums, its cohort's stages among them (snap_contacts), and deep contacts in one statement
        Uni<Map<String, Map<String, Object>>> sums = kpis.sums(f, GroupBy.NONE, s, KpiPart.ALL,
                sql -> SnapshotRepository.deepContacts(sql, f));
        Instant rangeEnd = f.to().plusDays(1).atStartOfDay(s.zone()).toInstant();
        Instant now = clock.instant();
        Instant end = rangeEnd.isBefore(now) ? rangeEnd : now;
        LocalDate today = LocalDate.ofInstant(now, s.zone());
        LocalDate lastDay = f.to().isBefore(today) ? f.to() : today;
        // a past range's end is a day's end, kept by the recompute; a range that reaches today ends now
        Uni<RangeRepository.Retention> retention = end.equals(rangeEnd)
                ? ranges.retentionAtDayEnd(f.owner(), f.to(), end, s.activityDays())
                : ranges.retention(f.owner(), end, lastDay, end.minus(s.activityDays(), ChronoUnit.DAYS));
        return Uni.combine().all().unis(sums, retention).asTuple().map(t -> {
            Map<String, Object> cohort = t.getItem1().getOrDefault("total", Map.of());
            KpiRow total = KpiService.rows(t.getItem1(), GroupBy.NONE, Money.scale(s.currency())).get(0);
            RangeRepository.Retention retained = t.getItem2();
            Extra extra = new Extra(total, count(cohort, "deep"), retained.customers(), retained.active(),
                    retained.retainable(), retained.churned());
            long[] n = {count(cohort, "added"), count(cohort, "effective"), count(cohort, "converted"),
                    count(cohort, "repeat_customers")};
            FunnelStage.Name[] names = FunnelStage.Name.values();
            List<FunnelStage> stages = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                FunnelMath.Step step = FunnelMath.step(n, i);
                stages.add(new FunnelStage(names[i], n[i], step.conversionFromPrevious(), step.dropOff(),
                        stageKpis(names[i], extra, n)));
            }
            int worst = FunnelMath.largestDropOff(n);
            String largest = worst < 0 ? null : names[worst - 1].wire() + " -> " + names[worst].wire();
            return new Funnel(f.from(), f.to(), f.owner(), BASIS, stages, largest, extra.total().counts());
        });
    }

    private static Map<String, KpiValue> stageKpis(FunnelStage.Name stage, Extra extra, long[] n) {
        RowKpis k = extra.total().kpis();
        Map<String, KpiValue> out = new LinkedHashMap<>();
        switch (stage) {
            case REACH -> {
                out.put("contactsAdded", k.contactsAdded());
                out.put("acceptanceRate", k.acceptanceRate());
                out.put("effectiveAddRate", k.effectiveAddRate());
                out.put("highIntentSourceShare", k.highIntentSourceShare());
            }
            case INTERACT -> {
                out.put("firstTouchWithin1hRate", k.firstTouchWithin1hRate());
                out.put("firstResponseTime", KpiCatalog.value("firstResponseTime", k.medianResponseTime().value()));
                out.put("avgTurns", k.avgTurns());
                out.put("deepInteractionContacts", KpiCatalog.value("deepInteractionContacts", (double) extra.deep()));
                out.put("tagCoverage", k.tagCoverage());
            }
            case CONVERT -> {
                out.put("inquiryToQuoteRate", k.inquiryToQuoteRate());
                out.put("quoteToOrderRate", k.quoteToOrderRate());
                out.put("profitMargin", k.profitMargin());
                out.put("avgDealCycleDays", k.avgDealCycleDays());
                out.put("averageOrderValue", k.averageOrderValue());
            }
            case RETAIN -> {
                out.put("repurchaseRate", KpiCatalog.value("repurchaseRate", KpiMath.ratio(n[3], n[2])));
                out.put("referrals", k.referrals());
                out.put("activeCustomerRate", KpiCatalog.value("activeCustomerRate",
                        KpiMath.ratio(extra.active(), extra.customers())));
                out.put("churnRate", KpiCatalog.value("churnRate",
                        KpiMath.ratio(extra.churned(), extra.retainable())));
            }
        }
        return out;
    }
}
