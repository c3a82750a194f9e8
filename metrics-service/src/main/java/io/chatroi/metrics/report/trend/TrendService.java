package io.chatroi.metrics.report.trend;

import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.report.KpiRow;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A count or KPI per day or ISO week, read from the KPI rows grouped by that period. */
@ApplicationScoped
public class TrendService {

    private final KpiService kpis;

    public TrendService(KpiService kpis) {
        this.kpis = kpis;
    }

    public Uni<Trend> trend(String metricName, KpiService.Filter f, String intervalName, Settings s) {
        String metric = TrendSeries.metric(metricName);
        Trend.Interval interval = TrendSeries.interval(intervalName);
        int scale = Money.scale(s.currency());
        GroupBy byPeriodOf = interval == Trend.Interval.DAY ? GroupBy.DAY : GroupBy.WEEK;
        return kpis.rows(f, byPeriodOf, s, TrendSeries.parts(metric)).map(rows -> {
            Map<String, KpiRow> byPeriod = new HashMap<>();
            rows.forEach(r -> byPeriod.put(r.group(), r));
            List<Trend.Point> points = new ArrayList<>();
            for (String period : TrendSeries.periods(f.from(), f.to(), interval)) {
                points.add(new Trend.Point(period, TrendSeries.value(metric, byPeriod.get(period), scale)));
            }
            return new Trend(metric, interval, f.from(), f.to(), points);
        });
    }
}
