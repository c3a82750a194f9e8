package io.chatroi.metrics.report.trend;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.report.KpiPart;
import io.chatroi.metrics.report.KpiRow;
import io.chatroi.metrics.web.QueryDates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which metrics a trend can follow, the periods of a range (every one present, the first and last possibly partial
 * weeks) and what a period without any snapshot shows: 0 for a count, a zero amount, null for a ratio KPI.
 */
public final class TrendSeries {

    public static final List<String> METRICS = List.of("sent", "delivered", "read", "failed", "replied", "clicked",
            "optedOut", "received", "conversions", "contactsAdded", "orders", "revenue", "spend", "deliveryRate",
            "openRate", "replyRate", "ctr", "optOutRate", "conversionRate", "conversations", "medianResponseTime",
            "effectiveAddRate", "roas");

    private TrendSeries() {
    }

    public static String metric(String metric) {
        if (metric == null || !METRICS.contains(metric)) {
            throw ProblemException.invalid("metric", "must be one of " + String.join(", ", METRICS));
        }
        return metric;
    }

    public static Trend.Interval interval(String interval) {
        if (interval == null || interval.equals("day")) {
            return Trend.Interval.DAY;
        }
        if (interval.equals("week")) {
            return Trend.Interval.WEEK;
        }
        throw ProblemException.invalid("interval", "must be day or week");
    }

    public static List<String> periods(LocalDate from, LocalDate to, Trend.Interval interval) {
        List<String> periods = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String period = interval == Trend.Interval.DAY ? day.toString() : QueryDates.isoWeek(day);
            if (periods.isEmpty() || !periods.get(periods.size() - 1).equals(period)) {
                periods.add(period);
            }
        }
        return periods;
    }

    /**
     * The parts of the KPI rows a metric is computed from. A period the other parts alone have rows for shows the
     * same as a period without rows (0, a zero amount, or null for a ratio whose denominator is then 0), except for
     * conversations (null with rows, 0 without), which therefore reads every part.
     */
    public static Set<KpiPart> parts(String metric) {
        return switch (metric) {
            case "sent", "delivered", "read", "failed", "replied", "clicked", "optedOut", "conversions",
                 "deliveryRate", "openRate", "replyRate", "ctr", "optOutRate", "conversionRate" ->
                    EnumSet.of(KpiPart.MESSAGES);
            case "received" -> EnumSet.of(KpiPart.INTERACTIONS);
            case "contactsAdded", "effectiveAddRate" -> EnumSet.of(KpiPart.CONTACTS);
            case "orders", "revenue" -> EnumSet.of(KpiPart.DEALS);
            case "spend" -> EnumSet.of(KpiPart.MESSAGES, KpiPart.COSTS);
            case "roas" -> EnumSet.of(KpiPart.MESSAGES, KpiPart.DEALS, KpiPart.COSTS);
            case "medianResponseTime" -> EnumSet.of(KpiPart.RESPONSE_TIMES);
            default -> KpiPart.ALL;
        };
    }

    /** A period's value: the metric of its KPI row, or of a period without one. */
    public static Number value(String metric, KpiRow row, int moneyScale) {
        if (row == null) {
            return emptyPeriod(metric, moneyScale);
        }
        KpiValue kpi = row.kpis().get(metric);
        return kpi != null ? kpi.value() : row.counts().get(metric);
    }

    /** The value of a period that has no snapshot rows at all. */
    public static Number emptyPeriod(String metric, int moneyScale) {
        if (metric.equals("revenue") || metric.equals("spend")) {
            return BigDecimal.ZERO.setScale(moneyScale);
        }
        boolean kpi = KpiCatalog.all().stream().anyMatch(k -> k.id().equals(metric));
        return kpi && !metric.equals("conversations") ? null : 0L;
    }
}
