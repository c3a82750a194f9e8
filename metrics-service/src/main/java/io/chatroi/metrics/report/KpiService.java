package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.web.FilterParams;
import io.chatroi.metrics.web.QueryDates;
import io.chatroi.metrics.web.RangeParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * KPI rows (docs/kpis.md sections 1-2) summed from the snapshots of a range: messages, deals, contact cohorts and
 * conversations, plus costs spread day by day. A table without the requested dimension (contacts per campaign, for
 * example) contributes nothing to that grouping, and its KPIs are null.
 */
@ApplicationScoped
public class KpiService {

    static final String[] MESSAGE_COUNTS = {"sent", "delivered", "read", "failed", "replied", "reacted", "clicked",
            "opted_out", "conversions", "holdout", "recipients", "billable", "unpriced"};
    static final String[] DEAL_COUNTS = {"inquiries", "quotes", "quoted_inquiries", "won", "repeat_won",
            "with_profit", "cycle_count"};
    static final String[] CONTACT_COUNTS = {"added", "accepted", "effective", "high_intent", "first_touch_1h",
            "tagged", "referrals", "converted", "repeat_customers"};
    static final String[] INTERACTION_COUNTS = {"inbound", "outbound", "conversations", "turns", "responses"};

    private final SnapshotRepository snapshots;

    public KpiService(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The filters of every report. */
    public record Filter(LocalDate from, LocalDate to, UUID campaignId, String owner) {

        /** The filter the query asks for; {@code today} (in the workspace's zone) ends the default range. */
        public static Filter of(RangeParams query, LocalDate today) {
            QueryDates.Range range = query.range(today);
            UUID campaign = query instanceof FilterParams filter ? filter.campaign() : null;
            return new Filter(range.from(), range.to(), campaign, query.ownerOrNull());
        }
    }

    public Uni<List<KpiRow>> rows(Filter f, GroupBy groupBy, Settings settings) {
        return rows(f, groupBy, settings, KpiPart.ALL);
    }

    /** The KPI rows from only the given parts: the KPIs of the parts left out are as if those tables were empty. */
    public Uni<List<KpiRow>> rows(Filter f, GroupBy groupBy, Settings settings, Set<KpiPart> parts) {
        return sums(f, groupBy, settings, parts, null)
                .map(sums -> rows(sums, groupBy, Money.scale(settings.currency())));
    }

    /**
     * The sums behind the KPI rows by group key (column names as in the snapshot tables), read in one statement
     * from the given parts, plus {@code extra} (a query yielding column {@code k} and columns of its own) when given.
     */
    public Uni<Map<String, Map<String, Object>>> sums(Filter f, GroupBy groupBy, Settings settings,
                                                    Set<KpiPart> parts, Function<SqlParams, String> extra) {
        SqlParams sql = new SqlParams();
        List<String> queries = new ArrayList<>();
        for (KpiPart part : parts) {
            queries.add(switch (part) {
                case MESSAGES -> SnapshotRepository.messages(sql, f, groupBy);
                case DEALS -> SnapshotRepository.deals(sql, f, groupBy);
                case CONTACTS -> SnapshotRepository.contacts(sql, f, groupBy);
                case INTERACTIONS -> SnapshotRepository.interactions(sql, f, groupBy);
                case RESPONSE_TIMES -> RangeRepository.medianResponseTimes(sql, f, groupBy);
                case RECIPIENTS -> recipients(sql, f, groupBy, settings);
                case COSTS -> SnapshotRepository.costs(sql, f, groupBy);
                case NAMES -> SnapshotRepository.names(groupBy);
            });
        }
        if (extra != null) {
            queries.add(extra.apply(sql));
        }
        queries.removeIf(Objects::isNull);
        if (queries.isEmpty()) {
            return Uni.createFrom().item(new TreeMap<>());
        }
        return snapshots.joined(sql, queries).map(KpiService::byKey);
    }

    /** The KPI rows of the sums by key, in key order; a key with nothing but a name is no row. */
    public static List<KpiRow> rows(Map<String, Map<String, Object>> sums, GroupBy groupBy, int scale) {
        List<KpiRow> out = new ArrayList<>();
        sums.forEach((key, values) -> {
            if (values.size() > 1 || !values.containsKey("name")) {
                out.add(KpiRows.row(key, values, scale));
            }
        });
        if (out.isEmpty() && groupBy == GroupBy.NONE) {
            out.add(KpiRows.row("total", new LinkedHashMap<>(), scale));
        }
        return out;
    }

    /**
     * Unique recipients when a row spans campaigns: from the recompute's counts, except by ad, which they do not
     * carry (ads are few and only contacts with a referral join them, so the range's sends are counted then).
     */
    private static String recipients(SqlParams sql, Filter f, GroupBy groupBy, Settings settings) {
        if (!RecipientRepository.spansCampaigns(f, groupBy)) {
            return null;
        }
        return groupBy == GroupBy.AD ? RangeRepository.recipients(sql, f, groupBy, settings.zone())
                : RecipientRepository.recipients(sql, f, groupBy);
    }

    /** Each key's non-null sums (a key a part did not yield has that part's columns null). */
    private static Map<String, Map<String, Object>> byKey(RowSet<Row> rows) {
        Map<String, Map<String, Object>> acc = new TreeMap<>();
        for (Row row : rows) {
            String key = row.getString("k");
            if (key == null) {
                continue;
            }
            Map<String, Object> values = acc.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (int i = 0; i < row.size(); i++) {
                String column = row.getColumnName(i);
                if (!column.equals("k")) {
                    Object value = row.getValue(i);
                    if (value != null) {
                        values.put(column, value);
                    }
                }
            }
        }
        return acc;
    }
}
