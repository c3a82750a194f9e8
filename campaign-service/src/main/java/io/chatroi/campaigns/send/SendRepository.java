package io.chatroi.campaigns.send;

import io.chatroi.campaigns.campaign.Counters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import static io.chatroi.common.sql.SqlTimes.time;

/** The sends table: bulk creation at launch and the counters of a campaign. */
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

}
