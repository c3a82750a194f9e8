package io.chatroi.campaigns.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of orders: deliveries, refunds, and an order delivery with its credit search and upsert. */
@ApplicationScoped
public class OrderRepository {

    private static final String RECORD_DELIVERY = """
            INSERT INTO shop_deliveries (source, delivery_id, topic, received_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING""";

    private static final String INSERT_REFUNDS = """
            INSERT INTO order_refunds (source, refund_id, order_external_id, amount, at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::timestamptz[])
            ON CONFLICT DO NOTHING""";

    /** Bumps an existing order's refunded total from its refunds; nothing when the order has not arrived yet. */
    private static final String REFRESH_REFUNDED = """
            UPDATE orders o SET refunded = least(o.amount, r.total), version = o.version + 1, retry_at = $3,
                   updated_at = $3
              FROM (SELECT coalesce(sum(amount), 0) AS total FROM order_refunds
                     WHERE source = $1 AND order_external_id = $2) r
             WHERE o.source = $1 AND o.external_id = $2 AND o.refunded IS DISTINCT FROM least(o.amount, r.total)""";

    /**
     * One order delivery as one statement, so it needs no BEGIN and COMMIT round trips and is still all or nothing:
     * <ol>
     * <li>the delivery id is recorded ($19, none for the neutral API); a repeat does nothing else and returns no row;
     * <li>the order's refunds are kept by their own id ($21-$25), counted once however often they are listed;
     * <li>the best credit ({@link #credit}), in order of strength: a tracked-link code's send ($17); the campaign
     * named by utm_campaign ($15: its send to this buyer if there is one, the variant from utm_content $16 when the
     * campaign has it); the buyer's last click, then last delivered send, inside that campaign's attribution window;
     * <li>the order is inserted or a later event folded into it: the status never moves back (pending < paid <
     * cancelled), times keep their first value, a credit once found is kept, and every change bumps the version the
     * forwarder compares with what contacts-service has.
     * </ol>
     * Every part of one statement reads the same snapshot, so the refunded total adds the refunds this statement
     * wrote ({@code new_refunds}) to those stored before. {@code params} only types parameters a variant of the
     * credit search leaves out; it is never read.
     */
    private static final String INGEST_HEAD = """
            WITH params AS (SELECT $15::text AS utm_campaign, $16::text AS utm_content, $17::uuid[] AS linked),
            delivery AS (
              INSERT INTO shop_deliveries (source, delivery_id, topic, received_at)
              SELECT $2::text, $19::text, $20::text, $18::timestamptz WHERE $19::text IS NOT NULL
              ON CONFLICT DO NOTHING RETURNING 1),
            first AS (SELECT 1 WHERE $19::text IS NULL OR EXISTS (SELECT FROM delivery)),
            new_refunds AS (
              INSERT INTO order_refunds (source, refund_id, order_external_id, amount, at)
              SELECT r.* FROM unnest($21::text[], $22::text[], $23::text[], $24::numeric[], $25::timestamptz[]) r
               WHERE EXISTS (SELECT FROM first)
              ON CONFLICT DO NOTHING RETURNING source, order_external_id, amount),
            credit AS (
              SELECT kind, campaign_id, variant, send_id FROM (
            """;
    private static final String BY_LINK = """
                (SELECT 1 AS rank, 'link' AS kind, s.campaign_id, s.variant, s.id AS send_id
                   FROM sends s WHERE s.id = ANY($17::uuid[]) ORDER BY s.sent_at DESC NULLS LAST LIMIT 1)
            """;
    private static final String BY_UTM = """
                (SELECT 2 AS rank, 'utm' AS kind, c.id AS campaign_id,
                        CASE WHEN c.split->'variants' @> jsonb_build_array(jsonb_build_object('key', $16::text))
                             THEN $16::text ELSE b.variant END AS variant, b.id AS send_id
                   FROM campaigns c
                   LEFT JOIN LATERAL (SELECT s.id, s.variant FROM sends s WHERE s.campaign_id = c.id
                                       AND s.phone = ANY($10::text[]) ORDER BY s.sent_at DESC NULLS LAST LIMIT 1) b
                          ON true
                  WHERE c.name = $15::text
                  ORDER BY (b.id IS NOT NULL) DESC, c.launched_at DESC NULLS LAST LIMIT 1)
            """;
    private static final String BY_CLICK_OR_SEND = """
                (SELECT 3 AS rank, 'click' AS kind, s.campaign_id, s.variant, s.id AS send_id
                   FROM sends s JOIN campaigns c ON c.id = s.campaign_id
                  WHERE s.phone = ANY($10::text[]) AND s.clicked_at IS NOT NULL AND s.clicked_at <= $12::timestamptz
                    AND $12::timestamptz < s.clicked_at + make_interval(days => c.attribution_days)
                  ORDER BY s.clicked_at DESC LIMIT 1)
                UNION ALL
                (SELECT 4, 'send', s.campaign_id, s.variant, s.id
                   FROM sends s JOIN campaigns c ON c.id = s.campaign_id
                   JOIN message_states m ON m.message_id = s.provider_message_id
                  WHERE s.phone = ANY($10::text[]) AND s.sent_at IS NOT NULL AND s.sent_at <= $12::timestamptz
                    AND $12::timestamptz < s.sent_at + make_interval(days => c.attribution_days)
                    AND (m.delivered_at IS NOT NULL OR m.read_at IS NOT NULL)
                  ORDER BY s.sent_at DESC LIMIT 1)
            """;
    private static final String INGEST_TAIL = """
              ) x ORDER BY rank LIMIT 1)
            INSERT INTO orders AS o (id, source, external_id, status, amount, refunded, currency, profit, country,
                   phones, landing_site, ordered_at, paid_at, cancelled_at, credit, campaign_id, variant, send_id,
                   version, synced_version, retry_at, created_at, updated_at)
            SELECT $1::uuid, $2::text, $3::text, $4::text, $5::numeric,
                   least($5::numeric, coalesce($6::numeric,
                         (SELECT coalesce(sum(r.amount), 0) FROM order_refunds r
                           WHERE r.source = $2::text AND r.order_external_id = $3::text)
                         + (SELECT coalesce(sum(n.amount), 0) FROM new_refunds n
                             WHERE n.source = $2::text AND n.order_external_id = $3::text))),
                   $7::text, $8::numeric, $9::text, $10::text[], $11::text, $12::timestamptz, $13::timestamptz,
                   $14::timestamptz, coalesce(c.kind, 'none'), c.campaign_id, c.variant, c.send_id, 1, 0,
                   $18::timestamptz, $18::timestamptz, $18::timestamptz
              FROM first LEFT JOIN credit c ON true
            ON CONFLICT (source, external_id) DO UPDATE SET
                   status = CASE WHEN array_position(ARRAY['pending', 'paid', 'cancelled'], excluded.status)
                                    > array_position(ARRAY['pending', 'paid', 'cancelled'], o.status)
                                 THEN excluded.status ELSE o.status END,
                   amount = excluded.amount, refunded = excluded.refunded, currency = excluded.currency,
                   profit = coalesce(excluded.profit, o.profit), country = coalesce(excluded.country, o.country),
                   phones = CASE WHEN cardinality(excluded.phones) > 0 THEN excluded.phones ELSE o.phones END,
                   landing_site = coalesce(o.landing_site, excluded.landing_site),
                   paid_at = coalesce(o.paid_at, excluded.paid_at),
                   cancelled_at = coalesce(o.cancelled_at, excluded.cancelled_at),
                   credit = CASE WHEN o.credit = 'none' THEN excluded.credit ELSE o.credit END,
                   campaign_id = CASE WHEN o.credit = 'none' THEN excluded.campaign_id ELSE o.campaign_id END,
                   variant = CASE WHEN o.credit = 'none' THEN excluded.variant ELSE o.variant END,
                   send_id = CASE WHEN o.credit = 'none' THEN excluded.send_id ELSE o.send_id END,
                   version = o.version + 1, retry_at = excluded.retry_at, updated_at = excluded.updated_at
            RETURNING id, credit, campaign_id, variant, (xmax = 0) AS inserted""";

    /**
     * The statement for an order with or without tracked-link sends and a UTM campaign name: a branch that cannot
     * match is left out of the text rather than filtered at run time, so the usual order (neither) plans only the
     * click and send branches. Each variant is 3,900-4,500 characters: it stays prepared on its connection only because
     * common's PreparedStatementCachePool raises the client's 2,048-character cache limit; below it PostgreSQL parsed and
     * planned it for every order (bench/RESULTS.md, shop orders; OrderStatementCacheTest).
     */
    private static final String[] INGEST = new String[4];

    static {
        for (int variant = 0; variant < 4; variant++) {
            StringBuilder sql = new StringBuilder(INGEST_HEAD);
            if ((variant & 1) != 0) {
                sql.append(BY_LINK).append("    UNION ALL\n");
            }
            if ((variant & 2) != 0) {
                sql.append(BY_UTM).append("    UNION ALL\n");
            }
            INGEST[variant] = sql.append(BY_CLICK_OR_SEND).append(INGEST_TAIL).toString();
        }
    }

    static String ingestStatement(boolean linked, boolean utmCampaign) {
        return INGEST[(linked ? 1 : 0) | (utmCampaign ? 2 : 0)];
    }

    public Uni<Boolean> recordDelivery(SqlClient tx, String source, String deliveryId, String topic, Instant now) {
        return tx.preparedQuery(RECORD_DELIVERY).execute(Tuple.of(source, deliveryId, topic, time(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> addRefunds(SqlClient tx, List<ShopOrder.Refund> refunds) {
        if (refunds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(INSERT_REFUNDS).execute(Tuple.from(refundColumns(refunds))).replaceWithVoid();
    }

    /** Refunds as the five parallel arrays the statements unnest: source, refund id, order id, amount, time. */
    private static Object[] refundColumns(List<ShopOrder.Refund> refunds) {
        int n = refunds.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        String[] orders = new String[n];
        BigDecimal[] amounts = new BigDecimal[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ShopOrder.Refund r = refunds.get(i);
            sources[i] = r.source();
            ids[i] = r.refundId();
            orders[i] = r.orderExternalId();
            amounts[i] = r.amount();
            at[i] = time(r.at());
        }
        return new Object[]{sources, ids, orders, amounts, at};
    }

    public Uni<Integer> refreshRefunded(SqlClient tx, String source, String externalId, Instant now) {
        return tx.preparedQuery(REFRESH_REFUNDED).execute(Tuple.of(source, externalId, time(now)))
                .map(rows -> rows.rowCount());
    }

    /** The stored order after the upsert: its id, its credit and whether this call created it. */
    public record Stored(UUID id, String credit, UUID campaignId, String variant, boolean created) {
    }

    /** Where an order was landed from, as the credit search reads it. */
    public record Landing(String campaignName, String utmContent, List<UUID> linkedSends) {
    }

    /**
     * Stores one delivery of an order ({@link #INGEST_HEAD}); {@code deliveryId} null when the caller has no delivery id
     * (the neutral API). Empty when that delivery id was seen before: then nothing was written.
     */
    public Uni<Optional<Stored>> ingest(SqlClient client, String deliveryId, String topic, ShopOrder order,
                                       Landing landing, Instant now) {
        Object[] refunds = refundColumns(order.refunds());
        String sql = ingestStatement(!landing.linkedSends().isEmpty(), landing.campaignName() != null);
        return client.preparedQuery(sql).execute(Tuple.from(Arrays.asList(UUID.randomUUID(), order.source(),
                        order.externalId(), order.status().wire(), order.amount(), order.refundedTotal(),
                        order.currency(), order.profit(), order.country(), order.phones().toArray(String[]::new),
                        order.landingSite(), time(order.orderedAt()), time(order.paidAt()), time(order.cancelledAt()),
                        landing.campaignName(), landing.utmContent(), landing.linkedSends().toArray(UUID[]::new),
                        time(now), deliveryId, topic, refunds[0], refunds[1], refunds[2], refunds[3], refunds[4])))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<Stored>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Stored(row.getUUID("id"), row.getString("credit"),
                            row.getUUID("campaign_id"), row.getString("variant"), row.getBoolean("inserted")));
                });
    }

    /** Orders whose version is ahead of what contacts-service stored, due now, locked (SKIP LOCKED) for a batch. */
    private static final String DEAL_SYNC_DUE = """
            SELECT id, source, external_id, status, amount, refunded, currency, profit, country, phones, ordered_at,
                   paid_at, cancelled_at, campaign_id, variant, credit, version
              FROM orders WHERE synced_version < version AND retry_at <= $1
             ORDER BY retry_at LIMIT $2 FOR UPDATE SKIP LOCKED""";
    private static final String DEAL_SYNC_MATCHED = """
            UPDATE orders o SET contact_id = m.contact_id, deal_id = m.deal_id, synced_version = m.version,
                   updated_at = $4
              FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $5::int[]) AS m (id, contact_id, deal_id, version)
             WHERE o.id = m.id""";
    private static final String DEAL_SYNC_RETRY = """
            UPDATE orders SET retry_at = $2 WHERE id = ANY($1)""";

    /** Up to {@code limit} orders due for contacts-service's deals, locked until the transaction ends. */
    public Uni<List<Row>> lockDealSyncDue(SqlClient tx, int limit, Instant now) {
        return tx.preparedQuery(DEAL_SYNC_DUE).execute(Tuple.of(time(now), limit)).map(rows -> {
            List<Row> due = new ArrayList<>();
            rows.forEach(due::add);
            return due;
        });
    }

    /** Orders contacts-service matched: their contact, deal and the version it stored. */
    public Uni<Void> dealSynced(SqlClient tx, List<UUID> ids, List<UUID> contactIds, List<UUID> dealIds,
                                List<Integer> versions, Instant now) {
        return tx.preparedQuery(DEAL_SYNC_MATCHED).execute(Tuple.from(new Object[]{ids.toArray(UUID[]::new),
                contactIds.toArray(UUID[]::new), dealIds.toArray(UUID[]::new), time(now),
                versions.toArray(Integer[]::new)})).replaceWithVoid();
    }

    /** Orders no contact matched yet, tried again at {@code retryAt}. */
    public Uni<Void> retryDealSync(SqlClient tx, List<UUID> ids, Instant retryAt) {
        return tx.preparedQuery(DEAL_SYNC_RETRY).execute(Tuple.of(ids.toArray(UUID[]::new), time(retryAt)))
                .replaceWithVoid();
    }
}
