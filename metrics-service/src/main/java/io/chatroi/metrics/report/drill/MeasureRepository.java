package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.kpi.FactPredicates;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import static io.chatroi.common.sql.SqlTemplate.fill;

/**
 * The contacts and deals behind a scorecard count or an ROI value part, selected with the recompute's own conditions
 * ({@link FactPredicates}): the facts for contacts added and deals, the recompute's turn snapshots for deep
 * interactions (the rows the scorecard counts). Each statement is a subquery {@code x} with columns {@code at} and
 * {@code id}, paged newest first like every drill-down list. A null {@code rows} reads the whole list (the CSV).
 */
@ApplicationScoped
public class MeasureRepository {

    /** Contacts added on the days, of one owner, that meet {condition}. */
    /** One repeat order per customer, workspace day and credited campaign, as the recompute counts them. */
    private static final String REPEAT_CUSTOMER_KEY = """
            (d.won_at AT TIME ZONE %s)::date, %s, d.contact_id""";
    // leading space: appended after the statement's conditions
    private static final String LATEST_PER_KEY = " ORDER BY %s, d.won_at DESC, d.id DESC";

    private static final String CONTACTS = """
            SELECT * FROM (SELECT c.id, c.owner, c.country, c.source, c.created_at, c.accepted_at, c.referred_by,
              NULL::bigint AS turns, c.created_at AS at FROM f_contacts c
            WHERE c.created_at >= {lower} AND c.created_at < {upper} AND c.owner = {owner} AND {condition}) x
            WHERE TRUE""";

    /** The contacts in deep interaction that the scorecard counts ({deep}), with what the facts know of them. */
    private static final String DEEP = """
            SELECT * FROM (SELECT t.contact_id AS id, t.owner, c.country, c.source, c.created_at, c.accepted_at,
              c.referred_by, t.turns, {last_day_start} AS at
            FROM ({deep}) t LEFT JOIN f_contacts c ON c.id = t.contact_id) x
            WHERE TRUE""";

    /**
     * Deals in the workspace currency (or none) placed on the days by {instant}, meeting {conditions}; {distinct} and
     * {distinct_order} keep one row per repeat customer, day and credited campaign where the list asks for it.
     */
    private static final String DEALS = """
            SELECT * FROM (SELECT {distinct}d.id, d.contact_id, {deal_owner} AS owner, d.campaign_id, d.stage,
              d.inquiry_at, d.quoted_at, d.won_at, {deal_revenue} AS order_amount, d.profit, d.currency,
              {value} AS value, d.{instant} AS at
            FROM f_deals d LEFT JOIN f_contacts c ON c.id = d.contact_id
            WHERE {deal_in_currency} AND d.{instant} >= {lower} AND d.{instant} < {upper}{conditions}{distinct_order}) x
            WHERE TRUE""";

    private final Pool pool;

    public MeasureRepository(Pool pool) {
        this.pool = pool;
    }

    /** The contacts behind a scorecard contact measure, for the query's owner and days (the week). */
    public Uni<RowSet<Row>> contacts(ScorecardMeasure measure, DrillQuery q, Settings s, Integer rows) {
        SqlParams sql = new SqlParams();
        String statement;
        if (measure == ScorecardMeasure.DEEP_INTERACTION_CONTACTS) {
            String where = SnapshotRepository.where(sql, new KpiService.Filter(q.from(), q.to(), null, q.owner()),
                    (short) -1, false, true);
            statement = fill(DEEP, "deep", FactPredicates.deepInteractionContacts(where),
                    "last_day_start", FactPredicates.dayStart("t.last_day", sql.bind(s.timeZone())));
        } else {
            String[] range = DrillRepository.range(sql, q, s);
            statement = fill(CONTACTS, "lower", range[0], "upper", range[1], "owner", sql.bind(q.owner()),
                    "condition", measure == ScorecardMeasure.REFERRALS ? FactPredicates.REFERRED
                            : FactPredicates.INTERACTED);
        }
        return DrillRepository.page(pool, sql, new StringBuilder(statement), "x.at", "x.id", q.after(), rows);
    }

    /** The deals of a list, for the query's days and owner (all owners when it names none). */
    public Uni<RowSet<Row>> deals(DealList list, DrillQuery q, Settings s, Integer rows) {
        SqlParams sql = new SqlParams();
        String[] range = DrillRepository.range(sql, q, s);
        StringBuilder conditions = new StringBuilder();
        switch (list) {
            case QUOTED, INQUIRIES -> { }
            case WON -> conditions.append(" AND ").append(FactPredicates.DEAL_WON);
            case DIRECT -> conditions.append(" AND ").append(FactPredicates.DEAL_WON).append(" AND NOT ")
                    .append(FactPredicates.repeatWin(sql.bind(s.repurchaseDays())));
            case REPEAT, REPEAT_CUSTOMERS -> conditions.append(" AND ").append(FactPredicates.DEAL_WON)
                    .append(" AND ").append(FactPredicates.repeatWin(sql.bind(s.repurchaseDays())));
        }
        if (q.owner() != null) {
            conditions.append(" AND ").append(FactPredicates.DEAL_OWNER).append(" = ").append(sql.bind(q.owner()));
        }
        String value = switch (list) {
            case QUOTED, REPEAT_CUSTOMERS -> "NULL::numeric";
            case WON -> FactPredicates.DEAL_REVENUE;
            case DIRECT, REPEAT -> FactPredicates.DEAL_VALUE;
            case INQUIRIES -> sql.bind(s.valuePerLead()) + "::numeric";
        };
        String distinct = "";
        String distinctOrder = "";
        if (list == DealList.REPEAT_CUSTOMERS) {
            // as the recompute counts them: distinct customers per workspace day and credited campaign (and owner)
            String key = REPEAT_CUSTOMER_KEY.formatted(sql.bind(s.timeZone()),
                    FactPredicates.dealCredited(sql.bind(s.attributionDays())));
            distinct = "DISTINCT ON (%s) ".formatted(key);
            distinctOrder = LATEST_PER_KEY.formatted(key);
        }
        String statement = fill(DEALS, "distinct", distinct, "deal_owner", FactPredicates.DEAL_OWNER,
                "deal_revenue", FactPredicates.DEAL_REVENUE, "value", value, "instant", list.instant(),
                "deal_in_currency", FactPredicates.dealInCurrency(sql.bind(s.currency())), "lower", range[0],
                "upper", range[1], "conditions", conditions.toString(), "distinct_order", distinctOrder);
        return DrillRepository.page(pool, sql, new StringBuilder(statement), "x.at", "x.id", q.after(), rows);
    }
}
