package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.sync.ContactAds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;


/**
 * The snapshot reads behind the reports. A range is read from the monthly rollups for its whole calendar months and
 * from the daily tables for the days at either end ({@link MonthSplit}), unless the report groups by day or week;
 * both give the same sums, since a rollup row is the sum of its days' rows. Every query yields column {@code k}
 * (the group key) and the sums the services build their answers from.
 */
@ApplicationScoped
public class SnapshotRepository {

    private final Pool pool;

    public SnapshotRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The parts of a KPI report in one statement: each part a query yielding column {@code k} and sums no other part
     * yields, joined on {@code k} (a key missing from a part leaves its columns null). One round trip and one
     * statement instead of one per snapshot table.
     */
    public Uni<RowSet<Row>> joined(SqlParams sql, List<String> parts) {
        StringBuilder q = new StringBuilder("WITH ");
        for (int i = 0; i < parts.size(); i++) {
            q.append(i == 0 ? "" : ", ").append('p').append(i).append(" AS (").append(parts.get(i)).append(')');
        }
        q.append(" SELECT * FROM p0");
        for (int i = 1; i < parts.size(); i++) {
            q.append(" FULL JOIN p").append(i).append(" USING (k)");
        }
        return pool.preparedQuery(q.toString()).execute(sql.tuple());
    }

    /** Message sums; recipients only when each row is one campaign (else {@link RecipientRepository} counts them). */
    public static String messages(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = g.key(true, true, true, true);
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.MESSAGE_COUNTS) {
            if (!c.equals("recipients") || !RecipientRepository.spansCampaigns(f, g)) {
                q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
            }
        }
        q.append(", sum(t.message_fees) AS message_fees");
        q.append(source(sql, "snap_messages", f, g.grain(), true, rollup(g)));
        return q + " GROUP BY 1";
    }

    public static String deals(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = g.key(true, false, true, true);
        if (key == null) {
            return null;
        }
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.DEAL_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(", sum(t.revenue) AS revenue, sum(t.value) AS value, sum(t.repeat_revenue) AS repeat_revenue,"
                + " sum(t.repeat_value) AS repeat_value, sum(t.repeat_customers)::bigint AS repeat_customers_won,"
                + " sum(t.cycle_days_sum) AS cycle_days_sum");
        q.append(source(sql, "snap_deals", f, g.grain(), true, rollup(g)));
        return q + " GROUP BY 1";
    }

    public static String contacts(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, true);
        if (key == null || f.campaignId() != null) {
            return null;
        }
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.CONTACT_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(source(sql, "snap_contacts", f, g.grain(), false, rollup(g)));
        return q + " GROUP BY 1";
    }

    /** Conversations: one row per day and owner, few enough to read day by day. */
    public static String interactions(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return null;
        }
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.INTERACTION_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(", sum(t.response_seconds_sum) AS response_seconds_sum FROM snap_interactions t");
        q.append(KpiService.where(sql, f, (short) -1, false, true));
        return q + " GROUP BY 1";
    }

    /** Entered costs spread day by day over the range, by the group's key. */
    public static String costs(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = g.costKey();
        if (key == null) {
            return null;
        }
        String from = sql.bind(f.from()) + "::date";
        String to = sql.bind(f.to()) + "::date";
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k, sum(c.amount / (c.period_end - c.period_start"
                + " + 1)) AS entered_costs FROM costs c, generate_series(greatest(c.period_start, " + from + "),"
                + " least(c.period_end, " + to + "), interval '1 day') d WHERE c.period_end >= " + from
                + " AND c.period_start <= " + to);
        if (f.campaignId() != null) {
            q.append(" AND c.campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            q.append(" AND c.owner = ").append(sql.bind(f.owner()));
        }
        return q + " GROUP BY 1";
    }

    /** The rows' labels (column {@code name}): campaigns' names, ads' headlines. */
    public static String names(GroupBy g) {
        return switch (g) {
            case CAMPAIGN -> "SELECT id::text AS k, name FROM f_campaigns";
            case AD -> ContactAds.LABELS;
            default -> null;
        };
    }

    /** Message totals of a range for ROI (zeros when nothing was sent), recipients unique across campaigns. */
    public static String roiMessages(SqlParams sql, KpiService.Filter f) {
        String recipients = RecipientRepository.spansCampaigns(f, GroupBy.NONE)
                ? RecipientRepository.recipientsOfRange(sql, f) : "coalesce(sum(recipients), 0)";
        return "SELECT coalesce(sum(sent), 0)::bigint AS sent, coalesce(sum(replied), 0)::bigint AS replied,"
                + " " + recipients + "::bigint AS recipients, coalesce(sum(conversions), 0)::bigint"
                + " AS conversions, coalesce(sum(billable), 0)::bigint AS billable, coalesce(sum(unpriced), 0)::bigint"
                + " AS unpriced, coalesce(sum(message_fees), 0) AS message_fees"
                + source(sql, "snap_messages", f, GroupBy.NONE.grain(), true, true);
    }

    /** Deal totals of a range for ROI (zeros when nothing happened). */
    public static String roiDeals(SqlParams sql, KpiService.Filter f) {
        return "SELECT coalesce(sum(inquiries), 0)::bigint AS inquiries, coalesce(sum(won), 0)::bigint AS won,"
                + " coalesce(sum(repeat_won), 0)::bigint AS repeat_won, coalesce(sum(with_profit), 0)::bigint"
                + " AS with_profit, coalesce(sum(revenue), 0) AS revenue, coalesce(sum(value), 0) AS value,"
                + " coalesce(sum(repeat_revenue), 0) AS repeat_revenue, coalesce(sum(repeat_value), 0) AS repeat_value,"
                // revenue credited to a campaign (an order's or deal's campaign, else a send inside the window)
                + " coalesce(sum(revenue) FILTER (WHERE t.campaign_id IS NOT NULL), 0) AS attributed_revenue"
                + source(sql, "snap_deals", f, GroupBy.NONE.grain(), true, true);
    }

    /**
     * Contacts with at least 3 turns in the range (column {@code deep}, key {@code k} 'total'). Only a contact with
     * 3 turns in all its history can have 3 in a range, so the count starts from those (snap_contact_turn_totals)
     * and reads only their days, instead of summing every contact's turns.
     */
    public static String deepContacts(SqlParams sql, KpiService.Filter f) {
        return "SELECT 'total' AS k, count(*)::bigint AS deep FROM (SELECT t.contact_id FROM snap_contact_turn_totals c"
                + " JOIN snap_contact_turns t ON t.contact_id = c.contact_id"
                + KpiService.where(sql, new KpiService.Filter(f.from(), f.to(), null, f.owner()), (short) -1, false, true)
                + " AND c.turns >= 3 GROUP BY t.contact_id HAVING sum(t.turns) >= 3) x";
    }

    /** Whole months come from the rollups unless the report needs the days themselves. */
    private static boolean rollup(GroupBy g) {
        return g != GroupBy.DAY && g != GroupBy.WEEK;
    }

    /**
     * " FROM ... t" over a snapshot table for the filter: the daily table alone, or its days at the range's ends
     * and its monthly rollup ({@code <table>_monthly}, same columns) for the whole months between.
     */
    static String source(SqlParams sql, String table, KpiService.Filter f, short grain, boolean campaign, boolean rollup) {
        MonthSplit split = MonthSplit.of(f.from(), f.to());
        if (!rollup || !split.hasMonths()) {
            return " FROM " + table + " t" + KpiService.where(sql, f, grain, campaign, true);
        }
        String days = "SELECT * FROM " + table + " d WHERE (d.day BETWEEN " + sql.bind(split.from()) + "::date AND "
                + sql.bind(split.headEnd()) + "::date OR d.day BETWEEN " + sql.bind(split.tailStart()) + "::date AND "
                + sql.bind(split.to()) + "::date)" + dimensions(sql, "d", f, grain, campaign);
        String months = "SELECT * FROM " + table + "_monthly m WHERE m.day BETWEEN " + sql.bind(split.firstMonth())
                + "::date AND " + sql.bind(split.lastMonth()) + "::date" + dimensions(sql, "m", f, grain, campaign);
        return " FROM (" + days + " UNION ALL " + months + ") t";
    }

    private static String dimensions(SqlParams sql, String alias, KpiService.Filter f, short grain, boolean campaign) {
        StringBuilder w = new StringBuilder(" AND " + alias + ".grain = " + grain);
        if (campaign && f.campaignId() != null) {
            w.append(" AND ").append(alias).append(".campaign_id = ").append(sql.bind(f.campaignId()));
        }
        if (f.owner() != null) {
            w.append(" AND ").append(alias).append(".owner = ").append(sql.bind(f.owner()));
        }
        return w.toString();
    }
}
