package io.chatroi.metrics.report;

import io.chatroi.metrics.report.trend.TrendSeries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trend reads only the parts of the KPI rows its metric needs ({@link TrendSeries#parts}): every period must show
 * what it showed when every part was read, whichever parts have rows for it (none, some, all; zeros included).
 */
class TrendPartsTest {

    /** The columns each part's query yields, as SnapshotRepository and the other repositories name them. */
    private static Map<KpiPart, List<String>> columns() {
        Map<KpiPart, List<String>> c = new EnumMap<>(KpiPart.class);
        List<String> messages = new ArrayList<>(List.of(KpiService.MESSAGE_COUNTS));
        messages.remove("recipients");
        messages.add("message_fees");
        c.put(KpiPart.MESSAGES, messages);
        List<String> deals = new ArrayList<>(List.of(KpiService.DEAL_COUNTS));
        deals.addAll(List.of("revenue", "value", "repeat_revenue", "repeat_value", "repeat_customers_won",
                "cycle_days_sum"));
        c.put(KpiPart.DEALS, deals);
        c.put(KpiPart.CONTACTS, List.of(KpiService.CONTACT_COUNTS));
        List<String> interactions = new ArrayList<>(List.of(KpiService.INTERACTION_COUNTS));
        interactions.add("response_seconds_sum");
        c.put(KpiPart.INTERACTIONS, interactions);
        c.put(KpiPart.RESPONSE_TIMES, List.of("response_median_s"));
        c.put(KpiPart.RECIPIENTS, List.of("recipients"));
        c.put(KpiPart.COSTS, List.of("entered_costs"));
        c.put(KpiPart.NAMES, List.of());
        return c;
    }

    private static Object value(String column, Random random) {
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(1000);
        return switch (column) {
            case "message_fees", "revenue", "value", "repeat_revenue", "repeat_value", "cycle_days_sum",
                 "response_seconds_sum", "entered_costs" -> new BigDecimal(n).movePointLeft(random.nextInt(3));
            case "response_median_s" -> n / 7.0;
            default -> (long) n;
        };
    }

    @Test
    void everyMetricShowsTheSameFromItsPartsAsFromAllParts() {
        Map<KpiPart, List<String>> columns = columns();
        Random random = new Random(12);
        for (int round = 0; round < 2000; round++) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (KpiPart part : KpiPart.values()) {
                if (random.nextInt(3) == 0) {
                    columns.get(part).forEach(column -> all.put(column, value(column, random)));
                }
            }
            for (String metric : TrendSeries.METRICS) {
                Map<String, Object> read = new LinkedHashMap<>();
                TrendSeries.parts(metric).forEach(part -> columns.get(part).forEach(column -> {
                    if (all.containsKey(column)) {
                        read.put(column, all.get(column));
                    }
                }));
                Number expected = TrendSeries.value(metric, all.isEmpty() ? null : KpiRows.row("p", all, 2), 2);
                Number actual = TrendSeries.value(metric, read.isEmpty() ? null : KpiRows.row("p", read, 2), 2);
                assertThat(actual).as("%s from %s", metric, all.keySet()).isEqualTo(expected);
            }
        }
    }
}
