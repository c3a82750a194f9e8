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
import java.util.TreeMap;
import java.util.UUID;

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
    private final RangeRepository ranges;
    private final RecipientRepository recipients;

    public KpiService(SnapshotRepository snapshots, RangeRepository ranges, RecipientRepository recipients) {
        this.snapshots = snapshots;
        this.ranges = ranges;
        this.recipients = recipients;
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

    /**
     * Unique recipients when a row spans campaigns: from the recompute's counts, except by ad, which they do not
     * carry (ads are few and only contacts with a referral join them, so the range's sends are counted then).
     */
    private Uni<RowSet<Row>> recipients(Filter f, GroupBy groupBy, Settings settings) {
        if (!RecipientRepository.spansCampaigns(f, groupBy)) {
            return Uni.createFrom().nullItem();
        }
        return groupBy == GroupBy.AD ? ranges.recipients(f, groupBy, settings.zone()) : recipients.recipients(f, groupBy);
    }

    public Uni<List<KpiRow>> rows(Filter f, GroupBy groupBy, Settings settings) {
        int scale = Money.scale(settings.currency());
        Map<String, Map<String, Object>> acc = new TreeMap<>();
        Uni<Void> all = Uni.combine().all().unis(
                messages(f, groupBy).invoke(rows -> merge(acc, rows)),
                deals(f, groupBy).invoke(rows -> merge(acc, rows)),
                contacts(f, groupBy).invoke(rows -> merge(acc, rows)),
                interactions(f, groupBy).invoke(rows -> merge(acc, rows)),
                ranges.medianResponseTimes(f, groupBy).invoke(rows -> merge(acc, rows)),
                recipients(f, groupBy, settings).invoke(rows -> merge(acc, rows)),
                costs(f, groupBy).invoke(rows -> merge(acc, rows)),
                names(groupBy).invoke(rows -> merge(acc, rows))).discardItems();
        return all.map(x -> {
            List<KpiRow> out = new ArrayList<>();
            acc.forEach((key, values) -> {
                if (values.size() > 1 || !values.containsKey("name")) {
                    out.add(KpiRows.row(key, values, scale));
                }
            });
            if (out.isEmpty() && groupBy == GroupBy.NONE) {
                out.add(KpiRows.row("total", new LinkedHashMap<>(), scale));
            }
            return out;
        });
    }

    private static void merge(Map<String, Map<String, Object>> acc, RowSet<Row> rows) {
        if (rows == null) {
            return;
        }
        synchronized (acc) {
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
        }
    }

    private Uni<RowSet<Row>> messages(Filter f, GroupBy g) {
        return snapshots.messages(f, g);
    }

    private Uni<RowSet<Row>> deals(Filter f, GroupBy g) {
        return snapshots.deals(f, g);
    }

    private Uni<RowSet<Row>> contacts(Filter f, GroupBy g) {
        return snapshots.contacts(f, g);
    }

    private Uni<RowSet<Row>> interactions(Filter f, GroupBy g) {
        return snapshots.interactions(f, g);
    }

    private Uni<RowSet<Row>> costs(Filter f, GroupBy g) {
        return snapshots.costs(f, g);
    }

    private Uni<RowSet<Row>> names(GroupBy g) {
        return snapshots.names(g);
    }

    public static String where(SqlParams sql, Filter f, short grain, boolean campaign, boolean owner) {
        StringBuilder w = new StringBuilder(" WHERE t.day BETWEEN " + sql.bind(f.from()) + "::date AND "
                + sql.bind(f.to()) + "::date");
        if (grain >= 0) {
            w.append(" AND t.grain = ").append(grain);
        }
        if (campaign && f.campaignId() != null) {
            w.append(" AND t.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (owner && f.owner() != null) {
            w.append(" AND t.owner = ").append(sql.bind(f.owner()));
        }
        return w.toString();
    }
}
