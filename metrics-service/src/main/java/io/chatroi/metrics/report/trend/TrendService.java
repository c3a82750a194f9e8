package io.chatroi.metrics.report.trend;

import io.chatroi.metrics.kpi.KpiValue;
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
        return kpis.rows(f, interval == Trend.Interval.DAY ? GroupBy.DAY : GroupBy.WEEK, s).map(rows -> {
            Map<String, KpiRow> byPeriod = new HashMap<>();
            rows.forEach(r -> byPeriod.put(r.group(), r));
            List<Trend.Point> points = new ArrayList<>();
            for (String period : TrendSeries.periods(f.from(), f.to(), interval)) {
                KpiRow row = byPeriod.get(period);
                Number value;
                if (row == null) {
                    value = TrendSeries.emptyPeriod(metric, scale);
                } else {
                    KpiValue kpi = row.kpis().get(metric);
                    value = kpi != null ? kpi.value() : row.counts().get(metric);
                }
                points.add(new Trend.Point(period, value));
            }
            return new Trend(metric, interval, f.from(), f.to(), points);
        });
    }
}
