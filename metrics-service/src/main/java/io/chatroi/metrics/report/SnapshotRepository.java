package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.sync.ContactAds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;


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

    /** Message sums; recipients only when each row is one campaign (else {@link RecipientRepository} counts them). */
    public Uni<RowSet<Row>> messages(KpiService.Filter f, GroupBy g) {
        String key = g.key(true, true, true, true);
        SqlParams sql = new SqlParams();
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.MESSAGE_COUNTS) {
            if (!c.equals("recipients") || !RecipientRepository.spansCampaigns(f, g)) {
                q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
            }
        }
        q.append(", sum(t.message_fees) AS message_fees");
        q.append(source(sql, "snap_messages", f, g.grain(), true, rollup(g)));
        return pool.preparedQuery(q + " GROUP BY 1").execute(sql.tuple());
    }

    public Uni<RowSet<Row>> deals(KpiService.Filter f, GroupBy g) {
        String key = g.key(true, false, true, true);
        if (key == null) {
            return empty();
        }
        SqlParams sql = new SqlParams();
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.DEAL_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(", sum(t.revenue) AS revenue, sum(t.value) AS value, sum(t.repeat_revenue) AS repeat_revenue,"
                + " sum(t.repeat_value) AS repeat_value, sum(t.repeat_customers)::bigint AS repeat_customers_won,"
                + " sum(t.cycle_days_sum) AS cycle_days_sum");
        q.append(source(sql, "snap_deals", f, g.grain(), true, rollup(g)));
        return pool.preparedQuery(q + " GROUP BY 1").execute(sql.tuple());
    }

    public Uni<RowSet<Row>> contacts(KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, true);
        if (key == null || f.campaignId() != null) {
            return empty();
        }
        SqlParams sql = new SqlParams();
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.CONTACT_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(source(sql, "snap_contacts", f, g.grain(), false, rollup(g)));
        return pool.preparedQuery(q + " GROUP BY 1").execute(sql.tuple());
    }

    /** Conversations: one row per day and owner, few enough to read day by day. */
    public Uni<RowSet<Row>> interactions(KpiService.Filter f, GroupBy g) {
        String key = g.key(false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return empty();
        }
        SqlParams sql = new SqlParams();
        StringBuilder q = new StringBuilder("SELECT " + key + " AS k");
        for (String c : KpiService.INTERACTION_COUNTS) {
            q.append(", sum(t.").append(c).append(")::bigint AS ").append(c);
        }
        q.append(", sum(t.response_seconds_sum) AS response_seconds_sum FROM snap_interactions t");
        q.append(KpiService.where(sql, f, (short) -1, false, true));
        return pool.preparedQuery(q + " GROUP BY 1").execute(sql.tuple());
    }

    /** Entered costs spread day by day over the range, by the group's key. */
    public Uni<RowSet<Row>> costs(KpiService.Filter f, GroupBy g) {
        String key = g.costKey();
        if (key == null) {
            return empty();
        }
        SqlParams sql = new SqlParams();
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
        return pool.preparedQuery(q + " GROUP BY 1").execute(sql.tuple());
    }

    /** The rows' labels (column {@code name}): campaigns' names, ads' headlines. */
    public Uni<RowSet<Row>> names(GroupBy g) {
        return switch (g) {
            case CAMPAIGN -> pool.query("SELECT id::text AS k, name FROM f_campaigns").execute();
            case AD -> pool.query(ContactAds.LABELS).execute();
            default -> empty();
        };
    }

    /** Message totals of a range for ROI (zeros when nothing was sent), recipients unique across campaigns. */
    public Uni<RowSet<Row>> roiMessages(KpiService.Filter f) {
        SqlParams sql = new SqlParams();
        String recipients = RecipientRepository.spansCampaigns(f, GroupBy.NONE)
                ? RecipientRepository.recipientsOfRange(sql, f) : "coalesce(sum(recipients), 0)";
        String q = "SELECT coalesce(sum(sent), 0)::bigint AS sent, coalesce(sum(replied), 0)::bigint AS replied,"
                + " " + recipients + "::bigint AS recipients, coalesce(sum(conversions), 0)::bigint"
                + " AS conversions, coalesce(sum(billable), 0)::bigint AS billable, coalesce(sum(unpriced), 0)::bigint"
                + " AS unpriced, coalesce(sum(message_fees), 0) AS message_fees"
                + source(sql, "snap_messages", f, GroupBy.NONE.grain(), true, true);
        return pool.preparedQuery(q).execute(sql.tuple());
    }

    /** Deal totals of a range for ROI (zeros when nothing happened). */
    public Uni<RowSet<Row>> roiDeals(KpiService.Filter f) {
        SqlParams sql = new SqlParams();
        String q = "SELECT coalesce(sum(inquiries), 0)::bigint AS inquiries, coalesce(sum(won), 0)::bigint AS won,"
                + " coalesce(sum(repeat_won), 0)::bigint AS repeat_won, coalesce(sum(with_profit), 0)::bigint"
                + " AS with_profit, coalesce(sum(revenue), 0) AS revenue, coalesce(sum(value), 0) AS value,"
                + " coalesce(sum(repeat_revenue), 0) AS repeat_revenue, coalesce(sum(repeat_value), 0) AS repeat_value,"
                // revenue credited to a campaign (an order's or deal's campaign, else a send inside the window)
                + " coalesce(sum(revenue) FILTER (WHERE t.campaign_id IS NOT NULL), 0) AS attributed_revenue"
                + source(sql, "snap_deals", f, GroupBy.NONE.grain(), true, true);
        return pool.preparedQuery(q).execute(sql.tuple());
    }

    /** Contact cohort totals of a range (the funnel's stages). */
    public Uni<RowSet<Row>> cohort(KpiService.Filter f) {
        SqlParams sql = new SqlParams();
        String q = "SELECT coalesce(sum(t.added), 0)::bigint AS added, coalesce(sum(t.effective), 0)::bigint AS effective,"
                + " coalesce(sum(t.converted), 0)::bigint AS converted,"
                + " coalesce(sum(t.repeat_customers), 0)::bigint AS repeat_customers"
                + source(sql, "snap_contacts", new KpiService.Filter(f.from(), f.to(), null, f.owner()),
                GroupBy.NONE.grain(), false, true);
        return pool.preparedQuery(q).execute(sql.tuple());
    }

    /**
     * Contacts with at least 3 turns in the range (column {@code deep}). Only a contact with 3 turns in all its
     * history can have 3 in a range, so the count starts from those (snap_contact_turn_totals) and reads only their
     * days, instead of summing every contact's turns.
     */
    public Uni<RowSet<Row>> deepContacts(KpiService.Filter f) {
        SqlParams sql = new SqlParams();
        String q = "SELECT count(*)::bigint AS deep FROM (SELECT t.contact_id FROM snap_contact_turn_totals c"
                + " JOIN snap_contact_turns t ON t.contact_id = c.contact_id"
                + KpiService.where(sql, new KpiService.Filter(f.from(), f.to(), null, f.owner()), (short) -1, false, true)
                + " AND c.turns >= 3 GROUP BY t.contact_id HAVING sum(t.turns) >= 3) x";
        return pool.preparedQuery(q).execute(sql.tuple());
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

    private static Uni<RowSet<Row>> empty() {
        return Uni.createFrom().nullItem();
    }
}
