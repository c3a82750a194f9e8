package io.chatroi.campaigns.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** SQL for campaigns (the campaigns table); every method runs on the client it is given. */
@ApplicationScoped
public class CampaignRepository {

    private static final String COLUMNS = """
            id, name, owner, audience, split, scheduled_at, goal, attribution_days, respect_quiet_hours,
            frequency_cap, cap_action, respect_opt_out, status, audience_cursor, audience_resolved, launched_at,
            completed_at, cancelled_at, paused_reason, paused_at, created_at, updated_at""";
    /** The statuses in which a launch is still turning its audience into sends. */
    private static final String RESOLVING = """
            status IN ('scheduled', 'sending', 'paused') AND NOT audience_resolved""";
    private static final String FIND = """
            SELECT %s FROM campaigns WHERE id = $1""".formatted(COLUMNS);
    private static final String FIND_FOR_UPDATE = """
            SELECT %s FROM campaigns WHERE id = $1 FOR UPDATE""".formatted(COLUMNS);
    private static final String UNRESOLVED = """
            SELECT id FROM campaigns WHERE %s""".formatted(RESOLVING);
    private static final String LOCK_UNRESOLVED = """
            SELECT %s FROM campaigns WHERE id = $1 AND %s FOR UPDATE SKIP LOCKED""".formatted(COLUMNS, RESOLVING);

    private final ObjectMapper json;

    public CampaignRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Campaign> insert(SqlClient client, UUID id, Campaign.Draft draft, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO campaigns (id, name, owner, audience, split, scheduled_at, goal, attribution_days,
                            respect_quiet_hours, frequency_cap, cap_action, respect_opt_out, status, created_at,
                            updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13, $13)
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, draft.name(), draft.owner(), new JsonObject(draft.audience()),
                        new JsonObject(json.convertValue(draft.split(), Map.class)), time(draft.scheduledAt()),
                        draft.goal(), draft.attributionDays(), draft.respectQuietHours(), draft.frequencyCap(),
                        draft.capAction(), draft.respectOptOut(), time(now))))
                .map(rows -> campaigns(rows).get(0));
    }

    public Uni<Optional<Campaign>> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> campaigns(rows).stream().findFirst());
    }

    /** {@link #find}, locking the campaign until the transaction ends, so two moves of one campaign serialise. */
    public Uni<Optional<Campaign>> findForUpdate(SqlClient client, UUID id) {
        return client.preparedQuery(FIND_FOR_UPDATE)
                .execute(Tuple.of(id)).map(rows -> campaigns(rows).stream().findFirst());
    }

    /** Newest first, after the cursor (null: from the newest), plus one row to know whether another page exists. */
    public Uni<List<Campaign>> list(SqlClient client, TimeIdCursor after, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                         FROM campaigns
                        WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1, $2)
                        ORDER BY created_at DESC, id DESC LIMIT $3""")
                .execute(Tuple.from(Arrays.asList(after == null ? null : time(after.at()),
                        after == null ? null : after.id(), limit + 1)))
                .map(this::campaigns);
    }

    /** Changed after {@code since}, by (updatedAt, id) from the cursor on (null: from the start), plus one row. */
    public Uni<List<Campaign>> changedSince(SqlClient client, Instant since, TimeIdCursor after, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                         FROM campaigns
                        WHERE updated_at > $1 AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2, $3))
                        ORDER BY updated_at, id LIMIT $4""")
                .execute(Tuple.from(Arrays.asList(time(since), after == null ? null : time(after.at()),
                        after == null ? null : after.id(), limit + 1)))
                .map(this::campaigns);
    }

    /**
     * Moves the campaign to {@code next} by {@code action}: launching stamps launchedAt, cancelling cancelledAt; a
     * manual pause stamps pausedAt without a reason, resuming clears both.
     */
    public Uni<Campaign> move(SqlClient client, UUID id, CampaignAction action, CampaignStatus next, Instant now) {
        return client.preparedQuery("""
                        UPDATE campaigns SET status = $2, updated_at = $4,
                            launched_at = CASE WHEN $3 = 'launch' THEN $4 ELSE launched_at END,
                            cancelled_at = CASE WHEN $2 = 'cancelled' THEN $4 ELSE cancelled_at END,
                            paused_at = CASE $3 WHEN 'pause' THEN $4 WHEN 'resume' THEN NULL ELSE paused_at END,
                            paused_reason = CASE WHEN $3 IN ('pause', 'resume') THEN NULL ELSE paused_reason END
                        WHERE id = $1
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, next.wire(), action.wire(), time(now)))
                .map(rows -> campaigns(rows).get(0));
    }

    /** Launched campaigns whose audience is not yet all turned into sends. */
    public Uni<List<UUID>> unresolved(SqlClient client) {
        return client.query(UNRESOLVED).execute().map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    /**
     * The campaign if its audience is still being resolved and no other transaction holds it (SKIP LOCKED), locked
     * until this transaction ends.
     */
    public Uni<Optional<Campaign>> lockUnresolved(SqlClient client, UUID id) {
        return client.preparedQuery(LOCK_UNRESOLVED)
                .execute(Tuple.of(id)).map(rows -> campaigns(rows).stream().findFirst());
    }

    /** Stores how far the audience is resolved: the next page's cursor, or done. */
    public Uni<Void> advanceAudience(SqlClient client, UUID id, String cursor, boolean done, Instant now) {
        return client.preparedQuery("""
                        UPDATE campaigns SET audience_cursor = $2, audience_resolved = $3, updated_at = $4
                        WHERE id = $1""")
                .execute(Tuple.of(id, cursor, done, time(now))).replaceWithVoid();
    }

    /** Completes the sending campaigns whose audience is resolved and that have no send left to make. */
    public Uni<Void> completeFinished(SqlClient client, Instant now) {
        return client.preparedQuery("""
                        UPDATE campaigns c SET status = 'completed', completed_at = $1, updated_at = $1
                         WHERE c.status = 'sending' AND c.audience_resolved
                           AND NOT EXISTS (SELECT 1 FROM sends s
                                            WHERE s.campaign_id = c.id AND s.status IN ('queued', 'deferred', 'sending'))""")
                .execute(Tuple.of(time(now))).replaceWithVoid();
    }

    /**
     * Pauses, with {@code reason}, the scheduled and sending campaigns whose variants use one of the templates;
     * returns how many.
     */
    public Uni<Integer> pauseUsingTemplates(SqlClient client, List<String> templateIds, String reason, Instant now) {
        return client.preparedQuery("""
                        UPDATE campaigns c SET status = 'paused', paused_reason = $2, paused_at = $3, updated_at = $3
                         WHERE c.status IN ('sending', 'scheduled')
                           AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.split->'variants') v
                                        WHERE v->>'templateId' = ANY($1))""")
                .execute(Tuple.of(templateIds.toArray(String[]::new), reason, time(now)))
                .map(rows -> rows.rowCount());
    }

    private List<Campaign> campaigns(RowSet<Row> rows) {
        List<Campaign> campaigns = new ArrayList<>(rows.size());
        for (Row row : rows) {
            campaigns.add(new Campaign(row.getUUID("id"), row.getString("name"), row.getString("owner"),
                    row.getJsonObject("audience").getMap(),
                    json.convertValue(row.getJsonObject("split").getMap(), Campaign.Split.class),
                    instant(row, "scheduled_at"), row.getString("goal"), row.getInteger("attribution_days"),
                    row.getBoolean("respect_quiet_hours"), row.getBoolean("frequency_cap"),
                    row.getString("cap_action"), row.getBoolean("respect_opt_out"), row.getString("status"),
                    row.getString("audience_cursor"), row.getBoolean("audience_resolved"),
                    instant(row, "launched_at"), instant(row, "completed_at"), instant(row, "cancelled_at"),
                    row.getString("paused_reason"), instant(row, "paused_at"), instant(row, "created_at"),
                    instant(row, "updated_at")));
        }
        return campaigns;
    }
}
