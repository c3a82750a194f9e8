package io.chatroi.metrics.report;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.sync.SyncRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

import static io.chatroi.common.sql.SqlTemplate.fill;


/**
 * The snapshot reads behind the reports. A range is read from the monthly rollups for its whole calendar months and
 * from the daily tables for the days at either end ({@link MonthSplit}), unless the report groups by day or week;
 * both give the same sums, since a rollup row is the sum of its days' rows. Every query yields column {@code k}
 * (the group key) and the sums the services build their answers from.
 */
@ApplicationScoped
public class SnapshotRepository {

    /** Each part {@code p<i>} a query yielding column {@code k}; {joins} FULL JOINs the parts after the first. */
    private static final String JOINED = "WITH {parts} SELECT * FROM p0{joins}";
    private static final String PART = "p{i} AS ({query})";
    private static final String JOIN = " FULL JOIN p{i} USING (k)";

    /** {sums}: one "sum(t.c)::bigint AS c" per count column; {source} "FROM ..." ({@link #source}). */
    private static final String MESSAGES = """
            SELECT {key} AS k, {sums}, sum(t.message_fees) AS message_fees {source} GROUP BY 1""";

    private static final String DEALS = """
            SELECT {key} AS k, {sums}, sum(t.revenue) AS revenue, sum(t.value) AS value,
              sum(t.repeat_revenue) AS repeat_revenue, sum(t.repeat_value) AS repeat_value,
              sum(t.repeat_customers)::bigint AS repeat_customers_won, sum(t.cycle_days_sum) AS cycle_days_sum
            {source}
            GROUP BY 1""";

    private static final String CONTACTS = "SELECT {key} AS k, {sums} {source} GROUP BY 1";

    private static final String INTERACTIONS = """
            SELECT {key} AS k, {sums}, sum(t.response_seconds_sum) AS response_seconds_sum
            FROM snap_interactions t{where} GROUP BY 1""";

    private static final String SUM = "sum(t.{column})::bigint AS {column}";

    /** Each cost's amount per day of its period, summed over the range's days; {filters} on campaign and owner. */
    private static final String COSTS = """
            SELECT {key} AS k, sum(c.amount / (c.period_end - c.period_start + 1)) AS entered_costs
            FROM costs c, generate_series(greatest(c.period_start, {from}::date), least(c.period_end, {to}::date),
              interval '1 day') d
            WHERE c.period_end >= {from}::date AND c.period_start <= {to}::date{filters} GROUP BY 1""";
    private static final String COST_CAMPAIGN = " AND c.campaign_id = {value}";
    private static final String COST_OWNER = " AND c.owner = {value}";

    private static final String CAMPAIGN_NAMES = "SELECT id::text AS k, name FROM f_campaigns";

    /** {recipients}: a sum of the rows' recipients, or the range's unique ones ({@link RecipientRepository}). */
    private static final String ROI_MESSAGES = """
            SELECT coalesce(sum(sent), 0)::bigint AS sent, coalesce(sum(replied), 0)::bigint AS replied,
              {recipients}::bigint AS recipients, coalesce(sum(conversions), 0)::bigint AS conversions,
              coalesce(sum(billable), 0)::bigint AS billable, coalesce(sum(unpriced), 0)::bigint AS unpriced,
              coalesce(sum(message_fees), 0) AS message_fees
            {source}""";
    private static final String ROW_RECIPIENTS = "coalesce(sum(recipients), 0)";

    /**
     * attributed_revenue: revenue credited to a campaign (an order's or deal's campaign, else a send inside the
     * window).
     */
    private static final String ROI_DEALS = """
            SELECT coalesce(sum(inquiries), 0)::bigint AS inquiries, coalesce(sum(won), 0)::bigint AS won,
              coalesce(sum(repeat_won), 0)::bigint AS repeat_won, coalesce(sum(with_profit), 0)::bigint AS with_profit,
              coalesce(sum(revenue), 0) AS revenue, coalesce(sum(value), 0) AS value,
              coalesce(sum(repeat_revenue), 0) AS repeat_revenue, coalesce(sum(repeat_value), 0) AS repeat_value,
              coalesce(sum(revenue) FILTER (WHERE t.campaign_id IS NOT NULL), 0) AS attributed_revenue
            {source}""";

    /** {where}: the range and owner over t ({@link #where}). */
    private static final String DEEP_CONTACTS = """
            SELECT 'total' AS k, count(*)::bigint AS deep FROM (SELECT t.contact_id FROM snap_contact_turn_totals c
              JOIN snap_contact_turns t ON t.contact_id = c.contact_id{where}
              AND c.turns >= 3 GROUP BY t.contact_id HAVING sum(t.turns) >= 3) x""";

    /** A snapshot table's rows of the range's days, {filters} its grain and the report's campaign and owner. */
    private static final String WHERE = " WHERE t.day BETWEEN {from}::date AND {to}::date{filters}";
    private static final String FROM_DAYS = "FROM {table} t{where}";
    /** The range's days at either end from the daily table, its whole months from the monthly rollup. */
    private static final String FROM_DAYS_AND_MONTHS = """
            FROM (SELECT * FROM {table} d WHERE (d.day BETWEEN {from}::date AND {head_end}::date
              OR d.day BETWEEN {tail_start}::date AND {to}::date){day_filters}
              UNION ALL SELECT * FROM {table}_monthly m WHERE m.day BETWEEN {first_month}::date
                AND {last_month}::date{month_filters}) t""";
    private static final String GRAIN = " AND {alias}.grain = {value}";
    private static final String CAMPAIGN = " AND {alias}.campaign_id = {value}";
    private static final String OWNER = " AND {alias}.owner = {value}";

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
        List<String> named = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            named.add(fill(PART, "i", Integer.toString(i), "query", parts.get(i)));
            if (i > 0) {
                joins.append(fill(JOIN, "i", Integer.toString(i)));
            }
        }
        return pool.preparedQuery(fill(JOINED, "parts", String.join(", ", named), "joins", joins.toString()))
                .execute(sql.tuple());
    }

    /** Message sums; recipients only when each row is one campaign (else {@link RecipientRepository} counts them). */
    public static String messages(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.key(g, true, true, true, true);
        List<String> columns = new ArrayList<>();
        for (String c : KpiService.MESSAGE_COUNTS) {
            if (!c.equals("recipients") || !RecipientRepository.spansCampaigns(f, g)) {
                columns.add(c);
            }
        }
        return fill(MESSAGES, "key", key, "sums", sums(columns.toArray(String[]::new)),
                "source", source(sql, "snap_messages", f, GroupBySql.grain(g), true, rollup(g)));
    }

    public static String deals(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.key(g, true, false, true, true);
        if (key == null) {
            return null;
        }
        return fill(DEALS, "key", key, "sums", sums(KpiService.DEAL_COUNTS),
                "source", source(sql, "snap_deals", f, GroupBySql.grain(g), true, rollup(g)));
    }

    public static String contacts(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.key(g, false, false, true, true);
        if (key == null || f.campaignId() != null) {
            return null;
        }
        return fill(CONTACTS, "key", key, "sums", sums(KpiService.CONTACT_COUNTS),
                "source", source(sql, "snap_contacts", f, GroupBySql.grain(g), false, rollup(g)));
    }

    /** Conversations: one row per day and owner, few enough to read day by day. */
    public static String interactions(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.key(g, false, false, true, false);
        if (key == null || f.campaignId() != null) {
            return null;
        }
        return fill(INTERACTIONS, "key", key, "sums", sums(KpiService.INTERACTION_COUNTS),
                "where", where(sql, f, (short) -1, false, true));
    }

    private static String sums(String[] columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            out.add(fill(SUM, "column", c));
        }
        return String.join(", ", out);
    }

    /** Entered costs spread day by day over the range, by the group's key. */
    public static String costs(SqlParams sql, KpiService.Filter f, GroupBy g) {
        String key = GroupBySql.costKey(g);
        if (key == null) {
            return null;
        }
        String from = sql.bind(f.from());
        String to = sql.bind(f.to());
        StringBuilder filters = new StringBuilder();
        if (f.campaignId() != null) {
            filters.append(fill(COST_CAMPAIGN, "value", sql.bind(f.campaignId())));
        }
        if (f.owner() != null) {
            filters.append(fill(COST_OWNER, "value", sql.bind(f.owner())));
        }
        return fill(COSTS, "key", key, "from", from, "to", to, "filters", filters.toString());
    }

    /** The rows' labels (column {@code name}): campaigns' names, ads' headlines. */
    public static String names(GroupBy g) {
        return switch (g) {
            case CAMPAIGN -> CAMPAIGN_NAMES;
            case AD -> SyncRepository.AD_LABELS;
            default -> null;
        };
    }

    /** Message totals of a range for ROI (zeros when nothing was sent), recipients unique across campaigns. */
    public static String roiMessages(SqlParams sql, KpiService.Filter f) {
        String recipients = RecipientRepository.spansCampaigns(f, GroupBy.NONE)
                ? RecipientRepository.recipientsOfRange(sql, f) : ROW_RECIPIENTS;
        return fill(ROI_MESSAGES, "recipients", recipients,
                "source", source(sql, "snap_messages", f, GroupBySql.grain(GroupBy.NONE), true, true));
    }

    /** Deal totals of a range for ROI (zeros when nothing happened). */
    public static String roiDeals(SqlParams sql, KpiService.Filter f) {
        return fill(ROI_DEALS, "source", source(sql, "snap_deals", f, GroupBySql.grain(GroupBy.NONE), true, true));
    }

    /**
     * Contacts with at least 3 turns in the range (column {@code deep}, key {@code k} 'total'). Only a contact with
     * 3 turns in all its history can have 3 in a range, so the count starts from those (snap_contact_turn_totals)
     * and reads only their days, instead of summing every contact's turns.
     */
    public static String deepContacts(SqlParams sql, KpiService.Filter f) {
        return fill(DEEP_CONTACTS, "where",
                where(sql, new KpiService.Filter(f.from(), f.to(), null, f.owner()), (short) -1, false, true));
    }

    /**
     * " WHERE ..." over a snapshot table aliased t: the range's days, the grain when {@code grain >= 0}, the filter's
     * campaign when {@code campaign} and its owner when {@code owner}.
     */
    public static String where(SqlParams sql, KpiService.Filter f, short grain, boolean campaign, boolean owner) {
        String from = sql.bind(f.from());
        String to = sql.bind(f.to());
        StringBuilder filters = new StringBuilder();
        if (grain >= 0) {
            filters.append(fill(GRAIN, "alias", "t", "value", Short.toString(grain)));
        }
        if (campaign && f.campaignId() != null) {
            filters.append(fill(CAMPAIGN, "alias", "t", "value", sql.bind(f.campaignId())));
        }
        if (owner && f.owner() != null) {
            filters.append(fill(OWNER, "alias", "t", "value", sql.bind(f.owner())));
        }
        return fill(WHERE, "from", from, "to", to, "filters", filters.toString());
    }

    /** Whole months come from the rollups unless the report needs the days themselves. */
    private static boolean rollup(GroupBy g) {
        return g != GroupBy.DAY && g != GroupBy.WEEK;
    }

    /**
     * "FROM ... t" over a snapshot table for the filter: the daily table alone, or its days at the range's ends
     * and its monthly rollup ({@code <table>_monthly}, same columns) for the whole months between.
     */
    static String source(SqlParams sql, String table, KpiService.Filter f, short grain, boolean campaign, boolean rollup) {
        MonthSplit split = MonthSplit.of(f.from(), f.to());
        if (!rollup || !split.hasMonths()) {
            return fill(FROM_DAYS, "table", table, "where", where(sql, f, grain, campaign, true));
        }
        // bound in the order the placeholders appear
        String from = sql.bind(split.from());
        String headEnd = sql.bind(split.headEnd());
        String tailStart = sql.bind(split.tailStart());
        String to = sql.bind(split.to());
        String dayFilters = dimensions(sql, "d", f, grain, campaign);
        String firstMonth = sql.bind(split.firstMonth());
        String lastMonth = sql.bind(split.lastMonth());
        String monthFilters = dimensions(sql, "m", f, grain, campaign);
        return fill(FROM_DAYS_AND_MONTHS, "table", table, "from", from, "head_end", headEnd, "tail_start", tailStart,
                "to", to, "day_filters", dayFilters, "first_month", firstMonth, "last_month", lastMonth,
                "month_filters", monthFilters);
    }

    private static String dimensions(SqlParams sql, String alias, KpiService.Filter f, short grain, boolean campaign) {
        StringBuilder w = new StringBuilder(fill(GRAIN, "alias", alias, "value", Short.toString(grain)));
        if (campaign && f.campaignId() != null) {
            w.append(fill(CAMPAIGN, "alias", alias, "value", sql.bind(f.campaignId())));
        }
        if (f.owner() != null) {
            w.append(fill(OWNER, "alias", alias, "value", sql.bind(f.owner())));
        }
        return w.toString();
    }
}
