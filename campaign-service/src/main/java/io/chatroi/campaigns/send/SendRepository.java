package io.chatroi.campaigns.send;

import io.chatroi.campaigns.campaign.Counters;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The sends table: bulk creation at launch, the counters of a campaign, and keyset-paged lists of sends (per
 * campaign oldest first, and all sends by (updatedAt, id) for sync), each filter's conditions composed from
 * fragments whose values are bound as parameters.
 */
@ApplicationScoped
public class SendRepository {

    /**
     * A send to create: one contact of the audience, its variant and template (null for the holdout). The phone is
     * null for a WhatsApp user known by username alone: the send then goes to {@code whatsappUserId} (BSUID).
     */
    public record NewSend(UUID contactId, String phone, String variant, UUID templateId, String status,
                          String whatsappUserId) {
    }

    /** Each counter counts its stage exactly as the sends list's {@code stage} filter does (SendStage). */
    private static final String COUNTERS_BY_VARIANT = """
            SELECT s.variant,
                count(*) FILTER (WHERE s.status = 'queued') AS queued,
                count(*) FILTER (WHERE s.status = 'deferred') AS deferred,
                count(*) FILTER (WHERE s.status = 'skipped') AS skipped,
                count(*) FILTER (WHERE s.status = 'holdout') AS holdout,
                count(*) FILTER (WHERE %s) AS sent,
                count(*) FILTER (WHERE %s) AS delivered,
                count(*) FILTER (WHERE %s) AS read,
                count(*) FILTER (WHERE %s) AS failed,
                count(*) FILTER (WHERE %s) AS replied,
                count(*) FILTER (WHERE %s) AS reacted,
                count(*) FILTER (WHERE %s) AS clicked,
                coalesce(sum(s.clicks), 0) AS clicks,
                count(*) FILTER (WHERE %s) AS opted_out
            FROM sends s LEFT JOIN message_states m ON m.message_id = s.provider_message_id
            WHERE s.campaign_id = $1 GROUP BY s.variant ORDER BY s.variant""".formatted(
            SendStage.SENT.predicate(), SendStage.DELIVERED.predicate(), SendStage.READ.predicate(),
            SendStage.FAILED.predicate(), SendStage.REPLIED.predicate(), SendStage.REACTED.predicate(),
            SendStage.CLICKED.predicate(), SendStage.OPTED_OUT.predicate());
    /** Skips by reason and failures by error code (else reason), per variant. */
    private static final String BREAKDOWNS = """
            SELECT s.variant, 'skipped' AS kind, s.reason AS key, count(*) AS n FROM sends s
            WHERE s.campaign_id = $1 AND s.status = 'skipped' GROUP BY 1, 3
            UNION ALL
            SELECT s.variant, 'failed', coalesce((coalesce(m.error_code, s.error_code))::text, s.reason), count(*)
            FROM sends s LEFT JOIN message_states m ON m.message_id = s.provider_message_id
            WHERE s.campaign_id = $1 AND %s GROUP BY 1, 3""".formatted(SendStage.FAILED.predicate());

    private static final String SELECT_VIEWS = """
            SELECT s.id, s.campaign_id, s.variant, s.contact_id, s.phone, s.status, s.reason,
                   coalesce(m.error_code, s.error_code) AS error_code, s.attempts, s.next_attempt_at,
                   s.provider_message_id, coalesce(s.sent_at, m.sent_at) AS sent_at, m.status AS delivery,
                   m.delivered_at, m.read_at, s.replied_at, s.reacted_at, s.clicked_at, s.clicks, s.opted_out_at,
                   m.pricing_category, m.billable, s.created_at, s.updated_at
              FROM sends s LEFT JOIN message_states m ON m.message_id = s.provider_message_id
            """;
    private static final String OF_CAMPAIGN = """
            WHERE s.campaign_id = $1""";
    private static final String EVERY_CAMPAIGN = """
            WHERE TRUE""";
    private static final String UPDATED_AFTER = """
             AND s.updated_at > $1\
            """;
    private static final String LIMIT = """

            LIMIT %s""";

    /** The two orders a list of sends is read in, each with its keyset condition and its ORDER BY. */
    public enum Order {
        CREATED("""
                 AND (s.created_at, s.id) > (%s, %s)\
                """, """

                ORDER BY s.created_at, s.id"""),
        UPDATED("""
                 AND (s.updated_at, s.id) > (%s, %s)\
                """, """

                ORDER BY s.updated_at, s.id""");

        private final String after;
        private final String orderBy;

        Order(String after, String orderBy) {
            this.after = after;
            this.orderBy = orderBy;
        }
    }

    private final Pool pool;

    public SendRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts sends in one statement; a contact already in the campaign is skipped (a resumed launch). */
    public Uni<Integer> insert(SqlClient tx, UUID campaignId, List<NewSend> sends, Instant dueAt, Instant now) {
        if (sends.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = sends.size();
        UUID[] ids = new UUID[n];
        UUID[] contacts = new UUID[n];
        String[] phones = new String[n];
        String[] variants = new String[n];
        UUID[] templates = new UUID[n];
        String[] statuses = new String[n];
        String[] userIds = new String[n];
        for (int i = 0; i < n; i++) {
            NewSend send = sends.get(i);
            ids[i] = UUID.randomUUID();
            contacts[i] = send.contactId();
            phones[i] = send.phone();
            variants[i] = send.variant();
            templates[i] = send.templateId();
            statuses[i] = send.status();
            userIds[i] = send.whatsappUserId();
        }
        return tx.preparedQuery("""
                        INSERT INTO sends (id, campaign_id, variant, template_id, contact_id, phone, status,
                            next_attempt_at, created_at, updated_at, whatsapp_user_id)
                        SELECT u.id, $7, u.variant, u.template_id, u.contact_id, u.phone, u.status,
                            CASE WHEN u.status = 'queued' THEN $8::timestamptz END, $9, $9, u.user_id
                        FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[],
                                    $10::text[]) AS u (id, variant, template_id, contact_id, phone, status, user_id)
                        ON CONFLICT (campaign_id, contact_id) DO NOTHING""")
                .execute(Tuple.from(new Object[]{ids, variants, templates, contacts, phones, statuses, campaignId,
                        time(dueAt), time(now), userIds}))
                .map(rows -> rows.rowCount());
    }

    /** A cancelled campaign's sends that never went out leave the queue; those already sent keep their history. */
    public Uni<Void> cancelUnsent(SqlClient tx, UUID campaignId) {
        return tx.preparedQuery("""
                        UPDATE sends SET status = 'cancelled', next_attempt_at = NULL
                        WHERE campaign_id = $1 AND status IN ('queued', 'deferred')""")
                .execute(Tuple.of(campaignId)).replaceWithVoid();
    }

    /** Counters per variant; the campaign total is their sum. */
    public Uni<Map<String, Counters>> countersByVariant(UUID campaignId) {
        return pool.preparedQuery(COUNTERS_BY_VARIANT)
                .execute(Tuple.of(campaignId))
                .chain(rows -> breakdowns(campaignId).map(breakdown -> {
                    Map<String, Counters> byVariant = new LinkedHashMap<>();
                    for (Row row : rows) {
                        String variant = row.getString("variant");
                        byVariant.put(variant, new Counters(row.getLong("queued"), row.getLong("deferred"),
                                row.getLong("skipped"), row.getLong("holdout"), row.getLong("sent"),
                                row.getLong("delivered"), row.getLong("read"), row.getLong("replied"),
                                row.getLong("reacted"), row.getLong("clicked"), row.getLong("clicks"),
                                row.getLong("failed"),
                                row.getLong("opted_out"),
                                breakdown.skipped().getOrDefault(variant, Map.of()),
                                breakdown.failed().getOrDefault(variant, Map.of())));
                    }
                    return byVariant;
                }));
    }

    private record Breakdown(Map<String, Map<String, Long>> skipped, Map<String, Map<String, Long>> failed) {
    }

    private Uni<Breakdown> breakdowns(UUID campaignId) {
        return pool.preparedQuery(BREAKDOWNS)
                .execute(Tuple.of(campaignId))
                .map(rows -> {
                    Map<String, Map<String, Long>> skipped = new HashMap<>();
                    Map<String, Map<String, Long>> failed = new HashMap<>();
                    for (Row row : rows) {
                        var target = "skipped".equals(row.getString("kind")) ? skipped : failed;
                        target.computeIfAbsent(row.getString("variant"), v -> new TreeMap<>())
                                .put(String.valueOf(row.getString("key")), row.getLong("n"));
                    }
                    return new Breakdown(skipped, failed);
                });
    }

    /** A campaign's sends in {@link Order#CREATED} order: a page of {@code limit + 1} rows, or all when null. */
    public Uni<List<SendView>> ofCampaign(SqlClient client, UUID campaignId, SendFilter filter, TimeIdCursor after,
                                          Integer limit) {
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder where = new StringBuilder(OF_CAMPAIGN);
        filter.appendTo(where, params);
        return views(client, where, params, Order.CREATED, after, limit);
    }

    /**
     * Every send changed after {@code updatedAfter} (metrics-service's incremental sync), narrowed to those that went
     * out within {@code within}, in {@link Order#UPDATED} order: a page of {@code limit + 1} rows, or all when null.
     */
    public Uni<List<SendView>> changedSince(SqlClient client, Instant updatedAfter, SentWithin within,
                                            TimeIdCursor after, Integer limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(EVERY_CAMPAIGN);
        if (updatedAfter != null) {
            params.add(time(updatedAfter));
            where.append(UPDATED_AFTER);
        }
        within.appendTo(where, params);
        return views(client, where, params, Order.UPDATED, after, limit);
    }

    private static Uni<List<SendView>> views(SqlClient client, StringBuilder where, List<Object> params, Order order,
                                             TimeIdCursor after, Integer limit) {
        if (after != null) {
            params.add(time(after.at()));
            params.add(after.id());
            where.append(order.after.formatted("$" + (params.size() - 1), "$" + params.size()));
        }
        where.append(order.orderBy);
        if (limit != null) {
            params.add(limit + 1);
            where.append(LIMIT.formatted("$" + params.size()));
        }
        return client.preparedQuery(SELECT_VIEWS + where).execute(Tuple.from(params)).map(rows -> {
            List<SendView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(view(row));
            }
            return items;
        });
    }

    private static SendView view(Row row) {
        return new SendView(row.getUUID("id"), row.getUUID("campaign_id"), row.getString("variant"),
                row.getUUID("contact_id"), row.getString("phone"), row.getString("status"), row.getString("reason"),
                row.getInteger("error_code"), row.getInteger("attempts"), instant(row, "next_attempt_at"),
                row.getString("provider_message_id"), instant(row, "sent_at"), row.getString("delivery"),
                instant(row, "delivered_at"), instant(row, "read_at"), instant(row, "replied_at"),
                instant(row, "reacted_at"), instant(row, "clicked_at"), row.getInteger("clicks"),
                instant(row, "opted_out_at"), row.getString("pricing_category"), row.getBoolean("billable"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }
}
