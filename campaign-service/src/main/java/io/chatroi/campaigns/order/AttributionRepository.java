package io.chatroi.campaigns.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of the attribution report: orders by order time in [from, to), optionally of one campaign. */
@ApplicationScoped
public class AttributionRepository {

    /** An order's revenue: what a paid order kept after refunds, nothing for any other status. */
    private static final String REVENUE = "CASE WHEN o.status = 'paid' THEN greatest(o.amount - o.refunded, 0) ELSE 0 END";

    // %1$s is REVENUE; $1 and $2 the range, $3 the campaign or null
    private static final String TOTALS = """
            SELECT count(*) AS orders, count(*) FILTER (WHERE o.status = 'paid') AS paid,
                   count(o.contact_id) AS matched, count(*) FILTER (WHERE o.contact_id IS NULL) AS unmatched,
                   coalesce(sum(%1$s), 0) AS revenue,
                   coalesce(sum(%1$s) FILTER (WHERE o.campaign_id IS NOT NULL), 0) AS attributed,
                   count(*) FILTER (WHERE o.credit = 'link') AS link, count(*) FILTER (WHERE o.credit = 'utm') AS utm,
                   count(*) FILTER (WHERE o.credit = 'click') AS click, count(*) FILTER (WHERE o.credit = 'send') AS send,
                   count(*) FILTER (WHERE o.credit = 'none') AS none
              FROM orders o WHERE o.ordered_at >= $1 AND o.ordered_at < $2
               AND ($3::uuid IS NULL OR o.campaign_id = $3)""".formatted(REVENUE);

    private static final String BY_CAMPAIGN = """
            SELECT o.campaign_id, c.name, o.variant,
                   count(*) FILTER (WHERE %1$s > 0) AS orders,
                   count(DISTINCT coalesce(o.contact_id::text, o.phones[1])) FILTER (WHERE %1$s > 0) AS buyers,
                   coalesce(sum(%1$s), 0) AS revenue
              FROM orders o JOIN campaigns c ON c.id = o.campaign_id WHERE o.ordered_at >= $1 AND o.ordered_at < $2
               AND ($3::uuid IS NULL OR o.campaign_id = $3) GROUP BY o.campaign_id, c.name, o.variant
             ORDER BY revenue DESC, c.name, o.variant""".formatted(REVENUE);

    private static final String ITEMS = """
            SELECT o.id, o.source, o.external_id, o.status, o.ordered_at, o.amount,
                   o.refunded, %1$s AS revenue, o.currency, o.credit, o.campaign_id, c.name AS campaign_name,
                   o.variant, o.send_id, o.contact_id, o.deal_id FROM orders o LEFT JOIN campaigns c ON c.id = o.campaign_id
             WHERE o.ordered_at >= $1 AND o.ordered_at < $2 AND ($3::uuid IS NULL OR o.campaign_id = $3)
             ORDER BY o.ordered_at, o.id LIMIT $4""".formatted(REVENUE);

    public Uni<AttributionReport.Totals> totals(Pool pool, Instant from, Instant to, UUID campaignId) {
        return pool.preparedQuery(TOTALS).execute(Tuple.of(time(from), time(to), campaignId)).map(rows -> {
            Row r = rows.iterator().next();
            var revenue = r.getBigDecimal("revenue");
            var attributed = r.getBigDecimal("attributed");
            return new AttributionReport.Totals(r.getLong("orders"), r.getLong("paid"), r.getLong("matched"),
                    r.getLong("unmatched"), revenue, attributed, revenue.subtract(attributed),
                    new AttributionReport.ByCredit(r.getLong("link"), r.getLong("utm"), r.getLong("click"),
                            r.getLong("send"), r.getLong("none")));
        });
    }

    public Uni<List<AttributionReport.CampaignVariant>> byCampaign(Pool pool, Instant from, Instant to,
                                                                   UUID campaignId) {
        return pool.preparedQuery(BY_CAMPAIGN).execute(Tuple.of(time(from), time(to), campaignId)).map(rows -> {
            List<AttributionReport.CampaignVariant> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new AttributionReport.CampaignVariant(r.getUUID("campaign_id"), r.getString("name"),
                        r.getString("variant"), r.getLong("orders"), r.getLong("buyers"), r.getBigDecimal("revenue")));
            }
            return out;
        });
    }

    public Uni<List<AttributionReport.Item>> items(Pool pool, Instant from, Instant to, UUID campaignId, int limit) {
        return pool.preparedQuery(ITEMS).execute(Tuple.of(time(from), time(to), campaignId, limit)).map(rows -> {
            List<AttributionReport.Item> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new AttributionReport.Item(r.getUUID("id"), r.getString("source"), r.getString("external_id"),
                        r.getString("status"), instant(r, "ordered_at"), r.getBigDecimal("amount"),
                        r.getBigDecimal("refunded"), r.getBigDecimal("revenue"), r.getString("currency"),
                        r.getString("credit"), r.getUUID("campaign_id"), r.getString("campaign_name"),
                        r.getString("variant"), r.getUUID("send_id"), r.getUUID("contact_id"), r.getUUID("deal_id")));
            }
            return out;
        });
    }
}
