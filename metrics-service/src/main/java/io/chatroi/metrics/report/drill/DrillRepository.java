package io.chatroi.metrics.report.drill;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.kpi.FactPredicates;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;

/**
 * The facts behind a number, read from metrics' copy of them with the recompute's own predicates
 * ({@link FactPredicates}), newest first by (instant, id) so a page is an index range walked backwards: contacts by
 * created_at (f_contacts_created_idx), sends by at (f_sends_at_idx), won deals by won_at
 * (f_deals_won_currency_idx). A null {@code rows} reads the whole list (the CSV).
 */
@ApplicationScoped
public class DrillRepository {

    private static final String CONTACTS = """
            SELECT c.id, c.owner, c.country, c.source, c.created_at, c.accepted_at FROM f_contacts c
            WHERE c.created_at >= %s AND c.created_at < %s""";

    private static final String SENDS = """
            SELECT s.id, s.campaign_id, cp.name AS campaign_name, s.variant, s.contact_id, %s AS owner,
              coalesce(cp.goal_type, 'reply') AS goal, s.at
            FROM f_sends s LEFT JOIN f_contacts c ON c.id = s.contact_id LEFT JOIN f_campaigns cp ON cp.id = s.campaign_id
            WHERE s.at >= %s AND s.at < %s AND %s AND %s""";

    private static final String DEALS = """
            SELECT d.id, d.contact_id, %s AS owner, d.campaign_id, d.won_at, coalesce(d.order_amount, 0) AS order_amount,
              d.currency
            FROM f_deals d LEFT JOIN f_contacts c ON c.id = d.contact_id
            WHERE d.stage = 'won' AND %s AND d.won_at >= %s AND d.won_at < %s""";

    private final Pool pool;

    public DrillRepository(Pool pool) {
        this.pool = pool;
    }

    /** The contacts added on the query's days that reached its stage. */
    public Uni<RowSet<Row>> stageContacts(DrillQuery q, Settings s, Integer rows) {
        SqlParams sql = new SqlParams();
        String[] range = range(sql, q, s);
        StringBuilder w = new StringBuilder(CONTACTS.formatted(range[0], range[1]));
        String stage = switch (q.stage()) {
            case REACH -> null;
            case INTERACT -> FactPredicates.INTERACTED;
            case CONVERT -> FactPredicates.CONVERTED;
            case RETAIN -> FactPredicates.repeated(sql.bind(s.repurchaseDays()));
        };
        if (stage != null) {
            w.append(" AND ").append(stage);
        }
        if (q.owner() != null) {
            w.append(" AND c.owner = ").append(sql.bind(q.owner()));
        }
        return page(pool, sql, w, "c.created_at", "c.id", q.after(), rows);
    }

    /** The sends of the query's days that count as conversions. */
    public Uni<RowSet<Row>> conversions(DrillQuery q, Settings s, Integer rows) {
        SqlParams sql = new SqlParams();
        String[] range = range(sql, q, s);
        String converted = FactPredicates.sendConverted(sql.bind(s.replyWindowDays()), sql.bind(s.attributionDays()),
                sql.bind(s.currency()));
        StringBuilder w = new StringBuilder(SENDS.formatted(FactPredicates.SEND_OWNER, range[0], range[1],
                FactPredicates.SEND_COUNTS, converted));
        if (q.campaignId() != null) {
            w.append(" AND s.campaign_id = ").append(sql.bind(q.campaignId()));
        }
        if (q.variant() != null) {
            w.append(" AND s.variant = ").append(sql.bind(q.variant()));
        }
        if (q.owner() != null) {
            w.append(" AND ").append(FactPredicates.SEND_OWNER).append(" = ").append(sql.bind(q.owner()));
        }
        return page(pool, sql, w, "s.at", "s.id", q.after(), rows);
    }

    /** The deals won on the query's days in the workspace currency (or none). */
    public Uni<RowSet<Row>> wonDeals(DrillQuery q, Settings s, Integer rows) {
        SqlParams sql = new SqlParams();
        String[] range = range(sql, q, s);
        StringBuilder w = new StringBuilder(DEALS.formatted(FactPredicates.DEAL_OWNER,
                FactPredicates.dealInCurrency(sql.bind(s.currency())), range[0], range[1]));
        if (q.owner() != null) {
            w.append(" AND ").append(FactPredicates.DEAL_OWNER).append(" = ").append(sql.bind(q.owner()));
        }
        return page(pool, sql, w, "d.won_at", "d.id", q.after(), rows);
    }

    /** The instants the query's first day starts and the day after its last starts, in the workspace zone. */
    static String[] range(SqlParams sql, DrillQuery q, Settings s) {
        String zone = sql.bind(s.timeZone());
        return new String[]{FactPredicates.dayStart(sql.bind(q.from()) + "::date", zone),
                FactPredicates.dayStart(sql.bind(q.to()) + "::date + 1", zone)};
    }

    /**
     * Ends statement q (whose WHERE clause is open) with the page after the cursor, newest first by (at, id), and
     * runs it: {@code rows} rows, or all when null.
     */
    static Uni<RowSet<Row>> page(Pool pool, SqlParams sql, StringBuilder q, String at, String id, TimeIdCursor after,
                                 Integer rows) {
        if (after != null) {
            String bound = sql.bind(after.at().atOffset(ZoneOffset.UTC));
            // the plain bound lets the index on the instant start at the cursor; the row comparison breaks ties
            q.append(" AND ").append(at).append(" <= ").append(bound).append(" AND (").append(at).append(", ").append(id).append(") < (")
                    .append(bound).append(", ").append(sql.bind(after.id()))
                    .append(')');
        }
        q.append(" ORDER BY ").append(at).append(" DESC, ").append(id).append(" DESC");
        if (rows != null) {
            q.append(" LIMIT ").append(rows);
        }
        return pool.preparedQuery(q.toString()).execute(sql.tuple());
    }
}
